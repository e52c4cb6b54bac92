export const ROLES = ['writer', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export type Actor = { id: string; role: string };

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Editors and admins publish; writers only write. */
export function canPublish(actor: Actor): boolean {
  return actor.role === 'editor' || actor.role === 'admin';
}

/** Writers edit their own drafts; editors and admins edit any article. */
export function canEditArticle(
  actor: Actor,
  article: { authorId: string; status: string },
): boolean {
  if (canPublish(actor)) return true;
  return article.authorId === actor.id && article.status === 'draft';
}

export function canManageUsers(actor: Actor): boolean {
  return actor.role === 'admin';
}
