import Testing
import OpsDeckTestSupport
import Core
import Store
import Pipeline

/// Issue 21, item 1: every CSV a run saves has one schema type that writes and reads it.
@Suite struct RunTableTests {
    static let small = PipelineConfig(customers: 400, reps: 4, tickets: 1500, seed: 9, sales: .fastForTests)

    /// One saved run, shared by the tests.
    static let saved: (store: Store, run: Int64) = {
        do {
            let store = try Store.inMemory()
            var outcome = try Pipeline.run(config: small, input: .synthetic, store: store)
            return (store, try Pipeline.save(&outcome, to: store))
        } catch { fatalError("the fixture run failed: \(error)") }
    }()

    /// Reads the artifact back and writes it again: the same bytes, so the screens and the
    /// exports see exactly what the run wrote.
    func roundTrips<T: RunTable>(_ table: T.Type) throws -> Int {
        let (store, run) = Self.saved
        let bytes = try #require(try store.artifact(run: run, name: T.artifact), "run has no \(T.artifact)")
        let rows = try T.rows(bytes, run: run)
        #expect(T.bytes(rows) == bytes, "\(T.artifact) does not round-trip")
        #expect(T.table(rows).columns == T.columns)
        return rows.count
    }

    @Test func everySavedTableRoundTripsThroughItsSchema() throws {
        #expect(try roundTrips(SegmentsTable.self) > 0)
        #expect(try roundTrips(ChannelsTable.self) == SalesChannel.allCases.count)
        #expect(try roundTrips(StaffingTable.self) > 0)
        #expect(try roundTrips(ContactCentreTable.self) > 0)
        #expect(try roundTrips(ScheduleTable.self) > 0)
        #expect(try roundTrips(RoutesTable.self) > 0)
        #expect(try roundTrips(DistanceRoutesTable.self) > 0)
        #expect(try roundTrips(RouteCompareTable.self) == Self.small.reps)
        #expect(try roundTrips(TerritoriesTable.self) > 0)
        #expect(try roundTrips(AnomaliesTable.self) >= 0)
        #expect(try roundTrips(ScriptsTable.self) > 0)
        #expect(try roundTrips(CalibrationTable.self) > 0)
        #expect(try roundTrips(ImportanceTable.self) > 0)
        #expect(try roundTrips(RocTable.self) == RocTable.points)
        #expect(try roundTrips(GatesTable.self) >= 0)
        #expect(try roundTrips(SLAQueueTable.self) > 0)
        #expect(try roundTrips(SLAGroupsTable.self) > 0)
        #expect(try roundTrips(SLADiagnosticsTable.self) > 0)
    }

    @Test func theAccountScoresRoundTripAndAShortOneIsNamed() throws {
        let (store, run) = Self.saved
        let bytes = try #require(try store.artifact(run: run, name: AccountScores.artifact))
        let scores = try AccountScores(bytes: bytes, run: run, accounts: Self.small.customers)
        #expect(scores.bytes() == bytes)
        do { _ = try AccountScores(bytes: bytes, run: run, accounts: 3); Issue.record("a row count mismatch was read") } catch {
            #expect(error.description == "run \(run): scores have \(Self.small.customers) rows but its customer dataset has 3")
        }
    }

    /// The saved schedule follows each rep-day: the wait never makes a visit start before the
    /// rep is free, and a window always holds the visit's start.
    @Test func routesCarryTheirSchedule() throws {
        let rows = try RoutesTable.load(Self.saved.store, run: Self.saved.run)
        for r in rows {
            #expect(r.travelKm >= 0 && r.waitMinutes >= 0 && r.serviceMinutes > 0)
            #expect(r.windowStart <= r.arrivalMinute && r.arrivalMinute <= r.windowEnd)
        }
    }

    @Test func aMissingColumnIsAnOlderRunAndABadCellIsNamed() throws {
        let header = ChannelsTable.columns.filter { $0 != "mean_fit" }.joined(separator: ",")
        do { _ = try ChannelsTable.rows(Array((header + "\n").utf8), run: 7); Issue.record("a header without mean_fit was read") } catch {
            #expect(error.description == "run 7 was saved by an older OpsDeck; run `opsdeck run` again (artifact channels.csv has no column mean_fit)")
        }
        let text = ChannelsTable.columns.joined(separator: ",") + "\nfield,ten,1,1,0,0,1,0,0,1.0,1.0\n"
        do { _ = try ChannelsTable.rows(Array(text.utf8), run: 7); Issue.record("a bad capacity was read") } catch {
            #expect(error.description == "run 7, artifact channels.csv, line 2, column capacity: expected a whole number, found \"ten\"")
        }
        do { _ = try RoutesTable.load(Self.saved.store, run: 999); Issue.record("a missing artifact was read") } catch {
            #expect(error.description.hasPrefix("run 999 was saved by an older OpsDeck; run `opsdeck run` again"))
        }
    }

    /// "Adding a column to a screen and its export is a change in one schema type and one
    /// screen": the header, the cells and the parsing all come from the schema's `Column`
    /// cases, so a table built here has a column for each case and nothing else — an export
    /// (`T.table(rows)`) and a screen's loader (`T.load`) pick a new case up unchanged.
    @Test func theHeaderIsTheSchemasColumnsAndNothingElse() throws {
        enum Demo: RunTable {
            struct Row: Sendable, Equatable { var name: String; var count: Int }
            enum Column: String, CaseIterable { case name, count }
            static let artifact = "demo.csv"
            static func cell(_ r: Row, _ c: Column) -> String {
                switch c {
                case .name: r.name
                case .count: String(r.count)
                }
            }
            static func row(_ r: RunTableCells<Column>) throws(RunArtifactError) -> Row { Row(name: r.text(.name), count: try r.int(.count)) }
        }
        let rows = [Demo.Row(name: "a, b", count: 2)]
        #expect(Demo.table(rows).columns == ["name", "count"])
        #expect(try Demo.rows(Demo.bytes(rows), run: 1) == rows)
    }
}
