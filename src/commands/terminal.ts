// How wide the terminal is, for tables that fit it. Piped or redirected output
// has no width: tables keep their natural widths there, for tools and files.

/** Columns of the terminal stdout is, COLUMNS taking precedence; undefined when stdout is not a terminal. */
export function terminalColumns(stdout: { isTTY?: boolean; columns?: number }, env: Readonly<Record<string, string | undefined>>): number | undefined {
  if (!stdout.isTTY) return undefined;
  const fromEnv = Number(env.COLUMNS);
  if (Number.isInteger(fromEnv) && fromEnv > 0) return fromEnv;
  return stdout.columns && stdout.columns > 0 ? stdout.columns : 80;
}
