import Engine
import TUI

/// The replay as text: one row per figure, the two policies and the change side by side. The
/// rows are the SLA screen's replay panel's (`SLAReplayRows`), so both say the same.
package enum SLAReplayReport {
    package static func rendered(_ r: PolicyReplay, currentName: String, proposedName: String) -> String {
        SLAReplayRows.lines(SLAReplayRows.rows(r, currentName: currentName, proposedName: proposedName)).joined(separator: "\n")
    }
}
