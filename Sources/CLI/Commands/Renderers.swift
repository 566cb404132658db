import Monitor

/// Chooses the renderer for a non-JSON format.
enum Renderers {
    static func status(_ r: StatusReport, format: ReportOutput.Format, style: TextStyle) -> String {
        switch format {
        default: return TextRenderer.status(r, style: style)
        }
    }
    static func monthly(_ r: MonthlyReport, format: ReportOutput.Format, style: TextStyle) -> String {
        switch format {
        default: return TextRenderer.monthly(r, style: style)
        }
    }
    static func carryover(_ r: CarryoverStatement, format: ReportOutput.Format, style: TextStyle) -> String {
        switch format {
        default: return TextRenderer.carryover(r, style: style)
        }
    }
    static func indicators(_ r: Indicators, format: ReportOutput.Format, style: TextStyle) -> String {
        switch format {
        default: return TextRenderer.indicators(r, style: style)
        }
    }
}
