/** A document to start from: its title, why its tables are split, and its file under examples/ (none for blank). */
export interface Template {
  id: string;
  title: string;
  /** One line: why the split is there. */
  why: string;
  /** File name under examples/, or null for the blank document. */
  fileName: string | null;
}

/** The templates offered by "New from a template", blank first, then the classic one-to-one cases. */
export const templates: readonly Template[] = [
  { id: 'blank', title: 'Blank', why: 'An empty diagram: add tables and connect them.', fileName: null },
  {
    id: 'authors-passport-info',
    title: 'authors / passport_info',
    why: 'Few authors have passport data and it is sensitive, so it is kept (and granted) apart; a UNIQUE foreign key allows one per author. With a 1:N and a shared key for contrast.',
    fileName: 'classic-one-to-one.erd.json',
  },
  {
    id: 'users-user-profiles',
    title: 'users / user_profiles',
    why: 'Sign-in reads users on every request; the public, often edited profile lives apart, and every user still has exactly one (checked at COMMIT).',
    fileName: 'users-user-profiles.erd.json',
  },
  {
    id: 'country-capital',
    title: 'country / capital',
    why: 'The capital shares the country key (its primary key is the foreign key), so no country can have two, and a country may have none.',
    fileName: 'country-capital.erd.json',
  },
  {
    id: 'student-certificate',
    title: 'student / certificate',
    why: 'A certificate exists only once the student graduates, with its own number and date; UNIQUE on student_id allows one per student.',
    fileName: 'student-certificate.erd.json',
  },
  {
    id: 'users-user-settings',
    title: 'users / user_settings',
    why: 'Settings are optional: most users never change one, and no row means the defaults, so users carries no nullable setting columns.',
    fileName: 'users-user-settings.erd.json',
  },
];

/** The document the editor opens on a first start. */
export const firstStartTemplate = templates[1]!;
