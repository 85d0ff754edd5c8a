/** How a person scope reads on screen: "Ada Lovelace (E000002)", or the bare id when the name is unknown. */
export function labelScope(employeeId: string, name: string | null | undefined): string {
  return name ? `${name} (${employeeId})` : employeeId;
}
