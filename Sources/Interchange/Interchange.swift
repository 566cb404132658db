/// Interchange: bringing payment batches in from the treasury's and banks' spreadsheets
/// (CSV, UTF-8 or GBK) and taking the journal out to hledger, Beancount and flat CSV.
/// Plain values and pure functions; the CLI does the file I/O and the locking.
public enum Interchange {}
