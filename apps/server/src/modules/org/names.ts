/** "Dr. Teuku Ahmad, S.T., M.Si." — the name as printed on official documents. */
export function displayName(e: { name: string; gelarDepan: string | null; gelarBelakang: string | null }): string {
  const front = e.gelarDepan?.trim();
  const back = e.gelarBelakang?.trim();
  return `${front ? `${front} ` : ''}${e.name}${back ? `, ${back}` : ''}`;
}
