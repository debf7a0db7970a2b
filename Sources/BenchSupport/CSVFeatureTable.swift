import Engine

/// A minimal CSV → `FeatureFrame` reader for `opsdeck bench learning --csv`, so the bench
/// fits exactly the file its LightGBM anchor reads (the product's `opsdeck model fit` reads
/// tables through Engine's Tabular layer): RFC 4180 quoting, a header row, and per-column inference — numeric when every
/// non-missing cell parses as a number, else categorical with sorted labels. Missing cells
/// are the usual spreadsheet spellings (empty, NA, N/A, NaN, null, None).
public struct CSVFeatureTable: Sendable {
    public let names: [String]
    public let columns: [FeatureFrame.Column]
    public let rowCount: Int

    static let missing: Set<String> = ["", "NA", "N/A", "NaN", "nan", "null", "NULL", "None", "#N/A", "-nan"]

    public init(text: String) throws {
        var rows = try Self.parse(text)
        guard !rows.isEmpty else { throw LearningError.invalidCSV(line: 1, message: "no header") }
        let header = rows.removeFirst()
        if rows.last == [""] { rows.removeLast() }
        for (i, r) in rows.enumerated() where r.count != header.count {
            throw LearningError.invalidCSV(line: i + 2, message: "\(r.count) cells, header has \(header.count)")
        }
        var cols: [FeatureFrame.Column] = []
        for j in 0..<header.count {
            let cells = rows.map { $0[j] }
            var nums: [Float] = []
            nums.reserveCapacity(cells.count)
            var numeric = true
            for c in cells {
                if Self.missing.contains(c) { nums.append(.nan); continue }
                guard let v = Double(c) else { numeric = false; break }
                nums.append(Float(v))
            }
            if numeric {
                cols.append(.numeric(nums))
            } else {
                let labels = Array(Set(cells.filter { !Self.missing.contains($0) })).sorted()
                var index: [String: Int32] = [:]
                for (k, l) in labels.enumerated() { index[l] = Int32(k) }
                cols.append(.categorical(codes: cells.map { index[$0] ?? -1 }, labels: labels))
            }
        }
        names = header
        columns = cols
        rowCount = rows.count
    }

    /// All columns but the named ones, in file order.
    public func frame(excluding drop: Set<String>) throws -> FeatureFrame {
        var f = FeatureFrame(rowCount: rowCount)
        for (name, col) in zip(names, columns) where !drop.contains(name) {
            switch col {
            case .numeric(let v): try f.addNumeric(name, v)
            case .categorical(let c, let l): try f.addCategorical(name, codes: c, labels: l)
            }
        }
        return f
    }

    /// A target column as numbers. For `binary`, the positive class is "yes"/"1"/"true" when
    /// present, else the second label in sorted order; missing targets throw.
    public func target(_ name: String, binary: Bool) throws -> [Double] {
        guard let j = names.firstIndex(of: name) else {
            throw LearningError.invalidParameter("no column named \(name)")
        }
        switch columns[j] {
        case .numeric(let v):
            if let bad = v.firstIndex(where: { $0.isNaN }) { throw LearningError.nonFiniteTarget(row: bad) }
            if !binary { return v.map(Double.init) }
            let classes = Array(Set(v)).sorted()
            guard classes.count == 2 else { throw LearningError.invalidParameter("\(name) has \(classes.count) classes, need 2") }
            let positive = classes.contains(1) ? 1 : classes[1]
            return v.map { $0 == positive ? 1 : 0 }
        case .categorical(let codes, let labels):
            guard binary else { throw LearningError.invalidParameter("\(name) is not numeric") }
            if let bad = codes.firstIndex(of: -1) { throw LearningError.nonFiniteTarget(row: bad) }
            guard labels.count == 2 else { throw LearningError.invalidParameter("\(name) has \(labels.count) classes, need 2") }
            let pos = labels.firstIndex { ["yes", "Yes", "1", "True", "true"].contains($0) } ?? 1
            return codes.map { Int($0) == pos ? 1 : 0 }
        }
    }

    static func parse(_ text: String) throws -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var cell: [UInt8] = []
        var quoted = false
        var line = 1
        let bytes = Array(text.utf8)
        var i = 0
        func cellString() -> String { String(decoding: cell, as: UTF8.self) }
        while i < bytes.count {
            let b = bytes[i]
            if quoted {
                if b == 34 {
                    if i + 1 < bytes.count && bytes[i + 1] == 34 { cell.append(34); i += 1 } else { quoted = false }
                } else {
                    if b == 10 { line += 1 }
                    cell.append(b)
                }
            } else if b == 34 && cell.isEmpty {
                quoted = true
            } else if b == 44 {
                row.append(cellString()); cell.removeAll(keepingCapacity: true)
            } else if b == 10 || b == 13 {
                if b == 13 && i + 1 < bytes.count && bytes[i + 1] == 10 { i += 1 }
                row.append(cellString()); cell.removeAll(keepingCapacity: true)
                rows.append(row); row.removeAll(keepingCapacity: true)
                line += 1
            } else {
                cell.append(b)
            }
            i += 1
        }
        if quoted { throw LearningError.invalidCSV(line: line, message: "unterminated quote") }
        if !cell.isEmpty || !row.isEmpty { row.append(cellString()); rows.append(row) }
        return rows
    }
}
