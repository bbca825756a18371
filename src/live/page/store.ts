// A reader's edits, per lesson, in localStorage: they survive a reload until
// Reset. Storage may be unavailable (private modes): then edits live only as
// long as the page.
const key = (slug: string) => `partition-lab:edits:${slug}`;

export function loadEdits(slug: string): Record<string, string> {
  try {
    const parsed = JSON.parse(localStorage.getItem(key(slug)) ?? "{}");
    return parsed && typeof parsed === "object" ? parsed : {};
  } catch {
    return {};
  }
}

export function saveEdit(slug: string, id: string, source: string, original: string): void {
  const edits = loadEdits(slug);
  if (source === original) delete edits[id];
  else edits[id] = source;
  try {
    if (Object.keys(edits).length === 0) localStorage.removeItem(key(slug));
    else localStorage.setItem(key(slug), JSON.stringify(edits));
  } catch {
    // storage full or refused: the edit stays in the editor
  }
}

export function clearEdits(slug: string): void {
  try {
    localStorage.removeItem(key(slug));
  } catch {
    // nothing stored
  }
}
