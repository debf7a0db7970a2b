import Foundation

/// Runs hooks for real: `/bin/sh -c COMMAND`, output discarded (a hook talks to
/// notify-send or curl, not to our terminal), killed after the timeout so a hung webhook
/// cannot stall the desk.
public struct AlertShellRunner: AlertHookRunner {
    public init() {}

    public func run(_ command: String, timeout: Double) -> AlertHookResult {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", command]
        p.standardInput = FileHandle.nullDevice
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        let done = DispatchSemaphore(value: 0)
        p.terminationHandler = { _ in done.signal() }
        do { try p.run() } catch { return .failedToStart("\(error)") }
        if done.wait(timeout: .now() + timeout) == .timedOut {
            p.terminate()
            done.wait()
            return .timedOut
        }
        return .exited(p.terminationStatus)
    }
}
