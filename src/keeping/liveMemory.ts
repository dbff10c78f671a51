/** Where this browser remembers the participant's name (asked once). */
const nameKey = 'erd-live-name';
/** Which library document keeps each room joined here, so a link reopens the same one. */
const roomsKey = 'erd-live-rooms';

/** The name this person gave before, if any. */
export function rememberedName(storage: Storage | null): string | null {
  try {
    const name = storage?.getItem(nameKey)?.trim();
    return name ? name.slice(0, 40) : null;
  } catch {
    return null;
  }
}

/** Remembers the name; without storage it lasts for the page. */
export function saveName(storage: Storage | null, name: string): void {
  try {
    storage?.setItem(nameKey, name);
  } catch {
    // Storage full or refused: the name still holds for this page.
  }
}

/** The room -> library document map, read and written whole (a handful of rooms). */
export function roomDocuments(storage: Storage | null) {
  const read = (): Record<string, string> => {
    try {
      const parsed: unknown = JSON.parse(storage?.getItem(roomsKey) ?? '{}');
      return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, string>) : {};
    } catch {
      return {};
    }
  };
  return {
    documentOf: (room: string): string | null => {
      const id = read()[room];
      return typeof id === 'string' ? id : null;
    },
    remember(room: string, documentId: string) {
      try {
        storage?.setItem(roomsKey, JSON.stringify({ ...read(), [room]: documentId }));
      } catch {
        // Without storage a later visit makes a new library copy: nothing is lost.
      }
    },
  };
}
