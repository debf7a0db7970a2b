/// How many colours the terminal can show, which decides how theme colours are mapped.
public enum ColorMode: String, CaseIterable, Sendable {
    /// No colour: attributes carry emphasis.
    case mono
    /// The eight ANSI colours.
    case ansi8
    /// Eight ANSI colours plus their bright variants.
    case ansi16
    /// The xterm 256-colour palette (6×6×6 cube plus 24 greys).
    case xterm256
    /// Theme colours defined exactly with `init_color`, when the terminal allows it.
    case direct

    /// Picks the richest mode the terminal reports. `NO_COLOR` always wins. Redefining
    /// palette slots (`.direct`) needs more than terminfo's word: many terminals and
    /// multiplexers claim `ccc` and ignore it, which would show the wrong colours, so it
    /// also takes `COLORTERM=truecolor|24bit` and no tmux/screen in between.
    public static func detect(colors: Int, canChangeColor: Bool, noColor: Bool,
                              environment env: [String: String] = [:]) -> ColorMode {
        if noColor || colors < 8 { return .mono }
        if colors >= 256 {
            let term = env["TERM"] ?? ""
            let modern = ["truecolor", "24bit"].contains(env["COLORTERM"]?.lowercased() ?? "")
            let multiplexed = env["TMUX"] != nil || term.hasPrefix("screen") || term.hasPrefix("tmux")
            return canChangeColor && modern && !multiplexed ? .direct : .xterm256
        }
        if colors >= 16 { return .ansi16 }
        return .ansi8
    }
}

/// Maps 24-bit colours to the palettes of poorer terminals (btop's habit: nearest in
/// the 6×6×6 cube or the grey ramp; for 8/16 colours, by hue and lightness so that a
/// pastel red stays red instead of turning white).
public enum ColorMapping {
    private static let cubeLevels: [Int] = [0, 95, 135, 175, 215, 255]

    /// Nearest xterm-256 index (16…255).
    public static func xterm256(_ c: RGB) -> Int {
        let r = Int(c.r), g = Int(c.g), b = Int(c.b)
        let ri = nearestLevel(r), gi = nearestLevel(g), bi = nearestLevel(b)
        let cube = 16 + 36 * ri + 6 * gi + bi
        let cubeDistance = distance(r, g, b, cubeLevels[ri], cubeLevels[gi], cubeLevels[bi])
        let average = (r + g + b) / 3
        let greyIndex = min(23, max(0, (average - 3) / 10))
        let greyValue = 8 + 10 * greyIndex
        let greyDistance = distance(r, g, b, greyValue, greyValue, greyValue)
        return greyDistance < cubeDistance ? 232 + greyIndex : cube
    }

    /// ANSI colour 0…7 (black, red, green, yellow, blue, magenta, cyan, white).
    public static func ansi8(_ c: RGB) -> Int { ansi16(c) % 8 }

    /// ANSI colour 0…15; 8…15 are the bright variants.
    public static func ansi16(_ c: RGB) -> Int {
        let r = Double(c.r), g = Double(c.g), b = Double(c.b)
        let maxC = max(r, g, b), minC = min(r, g, b)
        let lightness = (maxC + minC) / 2
        if maxC - minC < 48 {
            if lightness < 64 { return 0 }
            if lightness < 150 { return 8 }
            return lightness < 220 ? 7 : 15
        }
        var hue: Double
        if maxC == r { hue = (g - b) / (maxC - minC) }
        else if maxC == g { hue = 2 + (b - r) / (maxC - minC) }
        else { hue = 4 + (r - g) / (maxC - minC) }
        hue *= 60
        if hue < 0 { hue += 360 }
        // Sectors centred on red 0°, yellow 60°, green 120°, cyan 180°, blue 240°, magenta 300°.
        let sectors = [1, 3, 2, 6, 4, 5]
        let base = sectors[Int((hue + 30) / 60) % 6]
        return lightness > 170 ? base + 8 : base
    }

    /// The ncurses 0…1000 scale `init_color` expects.
    public static func curses1000(_ component: UInt8) -> Int16 {
        Int16((Int(component) * 1000 + 127) / 255)
    }

    private static func nearestLevel(_ v: Int) -> Int {
        var best = 0
        for i in 1..<cubeLevels.count where abs(cubeLevels[i] - v) < abs(cubeLevels[best] - v) { best = i }
        return best
    }

    private static func distance(_ r: Int, _ g: Int, _ b: Int, _ r2: Int, _ g2: Int, _ b2: Int) -> Int {
        (r - r2) * (r - r2) + (g - g2) * (g - g2) + (b - b2) * (b - b2)
    }
}
