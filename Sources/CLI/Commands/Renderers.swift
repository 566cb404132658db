import Monitor

/// Chooses the renderer for a non-JSON format.
enum Renderers {
    static func status(_ r: StatusReport, format: ReportOutput.Format, style: TextStyle) -> String {
        switch format {
        case .text: return TextRenderer.status(r, style: style)
        case .md: return MarkdownRenderer.status(r, yuan: style.yuan)
        case .csv: return CSVRenderer.status(r, yuan: style.yuan)
        case .html: return HTMLRenderer.status(r, yuan: style.yuan)
        case .json: return JSONRenderer.status(r)
        }
    }
    static func monthly(_ r: MonthlyReport, format: ReportOutput.Format, style: TextStyle) -> String {
        switch format {
        case .text: return TextRenderer.monthly(r, style: style)
        case .md: return MarkdownRenderer.monthly(r, yuan: style.yuan)
        case .csv: return CSVRenderer.monthly(r, yuan: style.yuan)
        case .html: return HTMLRenderer.monthly(r, yuan: style.yuan)
        case .json: return JSONRenderer.monthly(r)
        }
    }
    static func carryover(_ r: CarryoverStatement, format: ReportOutput.Format, style: TextStyle) -> String {
        switch format {
        case .text: return TextRenderer.carryover(r, style: style)
        case .md: return MarkdownRenderer.carryover(r, yuan: style.yuan)
        case .csv: return CSVRenderer.carryover(r, yuan: style.yuan)
        case .html: return HTMLRenderer.carryover(r, yuan: style.yuan)
        case .json: return JSONRenderer.carryover(r)
        }
    }
    static func indicators(_ r: Indicators, format: ReportOutput.Format, style: TextStyle) -> String {
        switch format {
        case .text: return TextRenderer.indicators(r, style: style)
        case .md: return MarkdownRenderer.indicators(r)
        case .csv: return CSVRenderer.indicators(r)
        case .html: return HTMLRenderer.indicators(r)
        case .json: return JSONRenderer.indicators(r)
        }
    }
    static func final(_ r: FinalAccounts, format: ReportOutput.Format, style: TextStyle) -> String {
        switch format {
        case .text: return FinalAccountsRenderer.text(r, style: style)
        case .md: return FinalAccountsRenderer.markdown(r, yuan: style.yuan)
        case .csv: return FinalAccountsRenderer.csv(r)
        case .html: return FinalAccountsRenderer.html(r, yuan: style.yuan)
        case .json: return FinalAccountsRenderer.json(r)
        }
    }
    static func selfEvaluation(_ r: SelfEvaluation, format: ReportOutput.Format, style: TextStyle) -> String {
        switch format {
        case .text: return SelfEvaluationRenderer.text(r, style: style)
        case .md: return SelfEvaluationRenderer.markdown(r, yuan: style.yuan)
        case .csv: return SelfEvaluationRenderer.csv(r)
        case .html: return SelfEvaluationRenderer.html(r, yuan: style.yuan)
        case .json: return SelfEvaluationRenderer.json(r)
        }
    }
}
