import Engine
@testable import TUI

/// One seeded analysis for every SLA screen test: small enough for a debug build, built once.
enum SLAScreenFixture {
    static let analysis: SupportAnalysis? = {
        let tickets = TicketGenerator(seed: 11, days: 30).generate(count: 2500)
        return try? SupportAnalysis.build(tickets: tickets, policy: SLAPolicy(), options: .init(folds: 3, seed: 7))
    }()

    static func app(_ screen: SLAScreen, width: Int = 160, height: Int = 48) -> AppState {
        AppState(screens: [screen], themeNames: BuiltinThemes.names, theme: "default", width: width, height: height)
    }

    static func render(_ s: AppState, glyphs: Glyphs = .unicode) -> Canvas {
        CommandCenterView.render(s, context: CommandCenterContext(title: "OpsDeck", summary: ["seeded SLA fixture"]),
                                 width: s.width, height: s.height, glyphs: glyphs)
    }
}
