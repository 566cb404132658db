/// Every kind of diagnostic fundflow gives, as one enum of stable values: the raw value is
/// the code `check --format json` prints and tests name. A code's severity never changes.
public enum DiagnosticCode: String, CaseIterable, Sendable {
    // The bytes of a line (reader).
    case lineTooLong = "line-too-long"
    case controlCharacter = "control-character"
    case invalidUTF8 = "invalid-utf8"
    case tooManyEntries = "too-many-entries"
    case unterminatedLastLine = "unterminated-last-line"
    case mendedLastLine = "mended-last-line"
    // The fields of a line (tokenizer).
    case tooManyFields = "too-many-fields"
    case strayQuote = "stray-quote"
    case missingKey = "missing-key"
    case unquotedSpecial = "unquoted-special"
    case missingValue = "missing-value"
    case badEscape = "bad-escape"
    case unterminatedQuote = "unterminated-quote"
    case missingBlank = "missing-blank"
    case fullWidth = "full-width"
    // What a line says (entry parser).
    case emptyEntry = "empty-entry"
    case missingVerb = "missing-verb"
    case unknownVerb = "unknown-verb"
    case badDate = "bad-date"
    case unknownKey = "unknown-key"
    case duplicateKey = "duplicate-key"
    case missingField = "missing-field"
    case extraField = "extra-field"
    case badIdentifier = "bad-identifier"
    case badAmount = "bad-amount"
    case badPlan = "bad-plan"
    case badKind = "bad-kind"
    case badSetting = "bad-setting"
    case badSeal = "bad-seal"
    case badCode = "bad-code"
    case badEcon = "bad-econ"
    case badFund = "bad-fund"
    // The journal as a whole (checker).
    case duplicateProject = "duplicate-project"
    case undeclaredProject = "undeclared-project"
    case unknownProject = "unknown-project"
    case sealedPeriod = "sealed-period"
    case sealMismatch = "seal-mismatch"
    case overspend = "overspend"
    case reduceBelowPaid = "reduce-below-paid"
    case carryNotYearEnd = "carry-not-year-end"
    case carryExceedsAvailable = "carry-exceeds-available"
    case lapseExceedsAvailable = "lapse-exceeds-available"
    case duplicateContract = "duplicate-contract"
    case unknownContract = "unknown-contract"
    case contractOtherProject = "contract-other-project"
    case contractOverpaid = "contract-overpaid"
    case unknownVoucher = "unknown-voucher"
    case ambiguousVoucher = "ambiguous-voucher"
    case reverseExceedsPayment = "reverse-exceeds-payment"
    case reverseOtherYear = "reverse-other-year"
    case amountOverflow = "amount-overflow"
    case duplicateDoc = "duplicate-doc"
    case duplicateVoucher = "duplicate-voucher"
    case payWithoutVoucher = "pay-without-voucher"
    case futureDate = "future-date"
    case obligationsUncovered = "obligations-uncovered"
    /// `check --seal CODE` names a seal the journal does not hold.
    case sealMissing = "seal-missing"
    // Appending.
    case internalRoundTrip = "internal-roundtrip"

    /// Warnings are legal but suspicious (`check` exits 0); everything else is an error.
    public var severity: Diagnostic.Severity {
        switch self {
        case .unterminatedLastLine, .mendedLastLine, .duplicateDoc, .duplicateVoucher, .payWithoutVoucher, .futureDate,
            .obligationsUncovered:
            return .warning
        default:
            return .error
        }
    }
}

extension Diagnostic {
    /// A diagnostic of a known kind; its severity is the code's.
    public init(_ code: DiagnosticCode, at location: SourceLocation, _ message: String) {
        self.init(code.severity, code.rawValue, at: location, message)
    }

    /// The diagnostic's code as the enum (nil only for a code no version of fundflow gives).
    public var kind: DiagnosticCode? { DiagnosticCode(rawValue: code) }
}
