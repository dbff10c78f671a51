/** The transaction-local setting where stand-in types keep their modifiers' text (`{"polygon,4326"}`); a column's typmod is its 1-based position there. */
export const standInModifiersSetting = 'erd.stand_in_modifiers';

/**
 * The PL/pgSQL body of every stand-in type's modifier function: it takes any modifiers (`geometry(Polygon,4326)`,
 * not only integers), keeps their text in `standInModifiersSetting` and returns its position. The one
 * body the kept-object check lets a stand-in carry.
 */
export const standInModifierBody = `
DECLARE
  known text[] := coalesce(nullif(current_setting('${standInModifiersSetting}', true), ''), '{}')::text[];
  written text := array_to_string(modifiers::text[], ',');
  found_at integer := array_position(known, written);
BEGIN
  IF found_at IS NULL THEN
    known := known || written;
    found_at := cardinality(known);
    PERFORM set_config('${standInModifiersSetting}', known::text, true);
  END IF;
  RETURN found_at;
END
`;
