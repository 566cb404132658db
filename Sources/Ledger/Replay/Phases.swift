/// The loader's phase clock (`FUNDFLOW_PHASES=1`) for the steps after the journal is loaded
/// and checked — the year's replay, building a report, rendering and writing it — so that a
/// profile of a report command shows where its own time goes.
public enum Phases {
    /// The time since the previous mark, named for the step that just ended (no-op unless enabled).
    public static func mark(_ step: String) { LoadPhases.mark(step) }
}
