/// Where OpsDeck keeps a user's files, by the XDG base-directory rule, written once for every
/// reader: settings in `$XDG_CONFIG_HOME/opsdeck` (else `~/.config/opsdeck`), the store in
/// `$XDG_DATA_HOME/opsdeck` (else `~/.local/share/opsdeck`). An empty variable counts as
/// unset, as the XDG specification says.
public enum UserPaths {
    /// The settings folder (config, sales.json, sla.conf, themes/, templates/); nil without
    /// `XDG_CONFIG_HOME` or `HOME`.
    public static func configDirectory(environment env: [String: String]) -> String? {
        if let x = nonEmpty(env["XDG_CONFIG_HOME"]) { return x + "/opsdeck" }
        if let h = nonEmpty(env["HOME"]) { return h + "/.config/opsdeck" }
        return nil
    }

    /// A file in the settings folder, e.g. `configFile("sla.conf", …)`.
    public static func configFile(_ name: String, environment env: [String: String]) -> String? {
        configDirectory(environment: env).map { $0 + "/" + name }
    }

    /// The data folder the default store lives in; without `XDG_DATA_HOME` or `HOME`, under
    /// the current directory.
    public static func dataDirectory(environment env: [String: String]) -> String {
        if let x = nonEmpty(env["XDG_DATA_HOME"]) { return x + "/opsdeck" }
        return (nonEmpty(env["HOME"]) ?? ".") + "/.local/share/opsdeck"
    }

    private static func nonEmpty(_ s: String?) -> String? { s.flatMap { $0.isEmpty ? nil : $0 } }
}
