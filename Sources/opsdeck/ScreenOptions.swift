import ArgumentParser
import Foundation
import TUI

/// How the command center is drawn: theme, colours, glyphs, and a frame limit for CI.
struct ScreenOptions: ParsableArguments {
    @Option(help: "Colour theme: default, light, high-contrast, mono, or a NAME.theme file in a theme directory.")
    var theme: String?

    @Option(help: "Directory searched first for NAME.theme files.")
    var themeDir: String?

    @Option(help: "Exit after drawing this many frames (idle ticks count); for headless runs under tmux.")
    var maxFrames: Int?

    @Flag(help: "No colour at all (as NO_COLOR does): emphasis by reverse, bold and dim.")
    var noColor = false

    @Option(help: "Force a colour mode instead of asking the terminal: mono, ansi8, ansi16, xterm256, direct.")
    var colors: String?

    @Flag(help: "Draw with ASCII only, whatever the locale says.")
    var ascii = false

    func validate() throws {
        if let maxFrames, maxFrames < 1 { throw ValidationError("--max-frames must be at least 1, got \(maxFrames)") }
        if let colors, ColorMode(rawValue: colors) == nil {
            let names = ColorMode.allCases.map(\.rawValue).joined(separator: ", ")
            throw ValidationError("--colors must be one of \(names), got \"\(colors)\"")
        }
    }

    /// `loading`: screens read behind the first frame.
    func open(context: CommandCenterContext, screens: [any Screen] = [], loading: ScreenLoading? = nil) throws {
        let options = CommandCenterOptions(
            theme: theme, themeDirectory: themeDir, maxFrames: maxFrames, noColor: noColor,
            colorMode: colors.flatMap(ColorMode.init(rawValue:)), ascii: ascii ? true : nil
        )
        do {
            try CommandCenter.run(options: options, context: context, screens: screens, loading: loading)
        } catch let error as ThemeError {
            throw CLIError(error.description)
        } catch let error as TerminalError {
            throw CLIError(error.description)
        }
    }
}
