import Testing
@testable import TUI

@Suite struct SliderTests {
    let keys = KeyMap.standard

    private func slider() -> SliderState {
        SliderState(label: "Capacity", value: 20, minimum: 0, maximum: 100, step: 5, bigStep: 25,
                    unit: "/day", marker: 60)
    }

    /// Presses a key the way the app does: through the binding table and the slider's scopes.
    private func press(_ key: Key, _ s: inout SliderState) {
        if s.scopes.first == .textEntry, let c = key.printable, keys.action(for: key, in: [.textEntry]) == nil {
            _ = s.type(c)
            return
        }
        guard let action = keys.action(for: key, in: s.scopes) else {
            Issue.record("\(key.name) is not bound for a slider")
            return
        }
        _ = s.handle(action)
    }

    @Test func stepKeysMoveAndClamp() {
        var s = slider()
        press(.char("+"), &s)
        #expect(s.value == 25)
        press(.char(">"), &s)
        #expect(s.value == 30)
        press(.char("-"), &s)
        press(.char("<"), &s)
        #expect(s.value == 20)
        press(.pageUp, &s)
        #expect(s.value == 45)
        press(.pageDown, &s)
        press(.pageDown, &s)
        #expect(s.value == 0)
        press(.end, &s)
        press(.char("+"), &s)
        #expect(s.value == 100)
    }

    @Test func directEntryTypesANumber() {
        var s = slider()
        press(keys.key(for: .enterValue, in: .slider), &s)
        #expect(s.entry == "")
        for c in "7x0" { press(.char(c), &s) } // letters are ignored
        #expect(s.entry == "70")
        press(.backspace, &s)
        press(.char("3"), &s)
        press(.enter, &s)
        #expect(s.value == 75) // 73 snaps to the 5-step grid
        #expect(s.entry == nil)
        #expect(s.entryError == nil)
    }

    @Test func entryOutsideTheRangeClampsAndSaysSo() {
        var s = slider()
        press(.char("#"), &s)
        for c in "250" { press(.char(c), &s) }
        press(.enter, &s)
        #expect(s.value == 100)
        #expect(s.entryError?.contains("outside") == true)
        press(.char("#"), &s)
        press(.char("9"), &s)
        press(.escape, &s)
        #expect(s.value == 100 && s.entry == nil)
    }

    @Test func rendersTrackKnobAndSuggestedMarker() {
        var canvas = Canvas(width: 40, height: 2, glyphs: .ascii)
        SliderView.draw(slider(), into: &canvas, in: canvas.bounds)
        #expect(canvas.text() == """
                                v suggested 60 /day
            Capacity ----O--------------- 20 /day

            """)
        var uni = Canvas(width: 40, height: 1)
        SliderView.draw(slider(), into: &uni, in: uni.bounds)
        #expect(uni.text() == "Capacity ────●──────│──────── 20 /day\n")
        #expect(uni[20, 0].style.fg == .marker)
    }
}
