/**
 * Agreement changes decided to take effect after today (Beijing's date, yyyy-MM-dd): a suspension decided today for
 * tomorrow is pending, not in force. The status in force is the service's (Institution.status); this only picks the
 * changes still to come from the history, earliest first.
 */
export function pendingChanges<T extends { effective_from?: string }>(history: readonly T[], today: string): T[] {
  return history
    .filter((h) => typeof h.effective_from === 'string' && h.effective_from > today)
    .sort((a, b) => (a.effective_from! < b.effective_from! ? -1 : a.effective_from! > b.effective_from! ? 1 : 0));
}
