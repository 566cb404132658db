import Monitor

/// Chooses the renderer for a format. Every renderer takes the same `ReportFrame` (amount
/// format, journal health, head and foot).
enum Renderers {
    static func status(_ r: StatusReport, format: ReportOutput.Format, style: TextStyle, frame: ReportFrame) -> String {
        switch format {
        case .text: return TextRenderer.status(r, frame: frame, style: style)
        case .md: return MarkdownRenderer.status(r, frame: frame)
        case .csv: return CSVRenderer.status(r, frame: frame)
        case .html: return HTMLRenderer.status(r, frame: frame)
        case .json: return JSONRenderer.status(r, frame: frame)
        }
    }
    static func monthly(_ r: MonthlyReport, format: ReportOutput.Format, style: TextStyle, frame: ReportFrame) -> String {
        switch format {
        case .text: return TextRenderer.monthly(r, frame: frame, style: style)
        case .md: return MarkdownRenderer.monthly(r, frame: frame)
        case .csv: return CSVRenderer.monthly(r, frame: frame)
        case .html: return HTMLRenderer.monthly(r, frame: frame)
        case .json: return JSONRenderer.monthly(r, frame: frame)
        }
    }
    static func carryover(_ r: CarryoverStatement, format: ReportOutput.Format, style: TextStyle, frame: ReportFrame) -> String {
        switch format {
        case .text: return TextRenderer.carryover(r, frame: frame, style: style)
        case .md: return MarkdownRenderer.carryover(r, frame: frame)
        case .csv: return CSVRenderer.carryover(r, frame: frame)
        case .html: return HTMLRenderer.carryover(r, frame: frame)
        case .json: return JSONRenderer.carryover(r, frame: frame)
        }
    }
    static func indicators(_ r: Indicators, format: ReportOutput.Format, style: TextStyle, frame: ReportFrame) -> String {
        switch format {
        case .text: return TextRenderer.indicators(r, frame: frame, style: style)
        case .md: return MarkdownRenderer.indicators(r, frame: frame)
        case .csv: return CSVRenderer.indicators(r, frame: frame)
        case .html: return HTMLRenderer.indicators(r, frame: frame)
        case .json: return JSONRenderer.indicators(r, frame: frame)
        }
    }
    static func register(_ r: Register, format: ReportOutput.Format, style: TextStyle, frame: ReportFrame) -> String {
        switch format {
        case .text: return TextRenderer.register(r, frame: frame, style: style)
        case .md: return MarkdownRenderer.register(r, frame: frame)
        case .csv: return CSVRenderer.register(r, frame: frame)
        case .html: return HTMLRenderer.register(r, frame: frame)
        case .json: return JSONRenderer.register(r, frame: frame)
        }
    }
    static func final(_ r: FinalAccounts, format: ReportOutput.Format, style: TextStyle, frame: ReportFrame) -> String {
        switch format {
        case .text: return FinalAccountsRenderer.text(r, frame: frame, style: style)
        case .md: return FinalAccountsRenderer.markdown(r, frame: frame)
        case .csv: return FinalAccountsRenderer.csv(r, frame: frame)
        case .html: return FinalAccountsRenderer.html(r, frame: frame)
        case .json: return FinalAccountsRenderer.json(r, frame: frame)
        }
    }
    static func selfEvaluation(_ r: SelfEvaluation, format: ReportOutput.Format, style: TextStyle, frame: ReportFrame) -> String {
        switch format {
        case .text: return SelfEvaluationRenderer.text(r, frame: frame, style: style)
        case .md: return SelfEvaluationRenderer.markdown(r, frame: frame)
        case .csv: return SelfEvaluationRenderer.csv(r, frame: frame)
        case .html: return SelfEvaluationRenderer.html(r, frame: frame)
        case .json: return SelfEvaluationRenderer.json(r, frame: frame)
        }
    }
    static func grouped(_ r: GroupedStatus, format: ReportOutput.Format, style: TextStyle, frame: ReportFrame) -> String {
        switch format {
        case .text: return GroupedStatusRenderer.text(r, frame: frame, style: style)
        case .md: return GroupedStatusRenderer.markdown(r, frame: frame)
        case .csv: return GroupedStatusRenderer.csv(r, frame: frame)
        case .html: return GroupedStatusRenderer.html(r, frame: frame)
        case .json: return GroupedStatusRenderer.json(r, frame: frame)
        }
    }
}
