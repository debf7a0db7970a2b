import Engine
import Foundation

/// 2000 × 2000 uniform costs: our assignment solver against scipy's linear_sum_assignment on
/// the same matrix (written to a raw float64 file), same sitting.
enum BenchRoutingAssignment {
    static func run(seed: UInt64, out: String, python: String) throws {
        let n = 2000
        var rng = SeededRNG(seed: seed)
        let cost = (0..<(n * n)).map { _ in rng.uniform() * 1000 }
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let path = out + "/assign2000.f64"
        try cost.withUnsafeBytes { Data($0) }.write(to: URL(fileURLWithPath: path))
        var best = Double.infinity, total = 0.0
        for _ in 0..<3 {
            let t0 = ContinuousClock.now
            total = LinearAssignment.solve(cost, rows: n, cols: n).total
            let e = ContinuousClock.now - t0
            best = min(best, Double(e.components.seconds) + Double(e.components.attoseconds) * 1e-18)
        }
        print(String(format: "opsdeck  2000×2000  total %.6f  best of 3: %.3f s", total, best))
        let script = """
        import numpy as np, time
        from scipy.optimize import linear_sum_assignment
        c = np.fromfile('\(path)', dtype=np.float64).reshape(\(n), \(n))
        best = 1e9
        for _ in range(3):
            t = time.perf_counter(); r, k = linear_sum_assignment(c); best = min(best, time.perf_counter() - t)
        print(f"{c[r, k].sum():.6f} {best:.6f}")
        """
        let proc = Process()
        proc.executableURL = URL(fileURLWithPath: python)
        proc.arguments = ["-c", script]
        let pipe = Pipe()
        proc.standardOutput = pipe
        do { try proc.run() } catch { print("scipy reference not run: \(python) unavailable"); return }
        proc.waitUntilExit()
        let text = String(data: pipe.fileHandleForReading.readDataToEndOfFile(), encoding: .utf8) ?? ""
        let f = text.split(separator: " ").compactMap { Double($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        guard f.count == 2 else { print("scipy reference failed: \(text)"); return }
        print(String(format: "scipy    2000×2000  total %.6f  best of 3: %.3f s", f[0], f[1]))
        print(String(format: "same optimum: %@   time ratio opsdeck/scipy: %.2f", abs(f[0] - total) < 1e-6 * max(1, total) ? "yes" : "NO", best / f[1]))
    }
}
