namespace Compliance.Application.Store;

/// <summary>
/// The ledger cannot be trusted as it is: it does not verify, or it is not the ledger the read models (or a signed
/// checkpoint) were made from. Nothing was written; the message says what was found and what to do.
/// </summary>
public sealed class LedgerIntegrityException(string message) : Exception(message);
