#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Core

/// Runs hooks for real: `/bin/sh -c COMMAND` in a process group of its own, input and output
/// on /dev/null (a hook talks to notify-send or curl, not to our terminal). After the
/// timeout the whole group gets SIGTERM, then SIGKILL a second later, so neither a hung
/// webhook nor a child the shell started can stall the desk.
public struct AlertShellRunner: AlertHookRunner {
    public init() {}

    public func run(_ command: String, timeout: Double) -> AlertHookResult {
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attr, 0)
        var files = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&files)
        defer { posix_spawn_file_actions_destroy(&files) }
        posix_spawn_file_actions_addopen(&files, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&files, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&files, 2, "/dev/null", O_WRONLY, 0)
        let words: [String] = ["/bin/sh", "-c", command]
        let args: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) }
        defer { args.forEach { free($0) } }
        var pid = pid_t()
        #if canImport(Darwin)
        let env = _NSGetEnviron().pointee
        #else
        let env = environ
        #endif
        let rc = posix_spawn(&pid, "/bin/sh", &files, &attr, args + [nil], env)
        guard rc == 0 else { return .failedToStart(String(cString: strerror(rc))) }

        let start = Self.seconds()
        var status: Int32 = 0
        var termSentAt: Double?
        while true {
            let r = waitpid(pid, &status, WNOHANG)
            if r == pid { break }
            if r < 0 && errno != EINTR { return .failedToStart(String(cString: strerror(errno))) }
            let now = Self.seconds()
            if let sent = termSentAt {
                if now - sent >= 1 { kill(-pid, SIGKILL) }
            } else if now - start >= timeout {
                kill(-pid, SIGTERM)
                termSentAt = now
            }
            usleep(5_000)
        }
        if termSentAt != nil { return .timedOut }
        // WIFEXITED / WEXITSTATUS, which Swift does not import as macros.
        let signal = status & 0x7f
        return signal == 0 ? .exited((status >> 8) & 0xff) : .exited(128 + signal)
    }

    private static func seconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
}
