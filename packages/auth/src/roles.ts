import { ARTICLE_STATUS } from '@newsroom/article';

export const ROLES = ['writer', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export type Actor = { id: string; role: string };

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** The one ranking of roles: each can do everything the ones before it can. */
const RANK: Record<Role, number> = { writer: 1, editor: 2, admin: 3 };

/** True when `actor` has `role` or a higher one (admin > editor > writer). */
export function hasRole(actor: Pick<Actor, 'role'>, role: Role = 'writer'): boolean {
  return isRole(actor.role) && RANK[actor.role] >= RANK[role];
}

/** Editors and admins publish; writers only write. */
export function canPublish(actor: Actor): boolean {
  return hasRole(actor, 'editor');
}

/** Writers edit their own drafts; editors and admins edit any article. */
export function canEditArticle(
  actor: Actor,
  article: { authorId: string; status: string },
): boolean {
  if (canPublish(actor)) return true;
  return article.authorId === actor.id && article.status === ARTICLE_STATUS.draft;
}

/** Writers see published articles and their own drafts; editors and admins see every draft. */
export function canSeeArticle(
  actor: Actor,
  article: { authorId: string; status: string },
): boolean {
  return (
    canPublish(actor) ||
    article.status === ARTICLE_STATUS.published ||
    article.authorId === actor.id
  );
}

/**
 * Writers manage only short links they created themselves, and never an article's canonical
 * link (that one belongs to the article and is shared by readers); editors and admins manage any.
 */
export function canManageShortLink(
  actor: Actor,
  link: { createdById: string | null; articleId: string | null },
): boolean {
  if (canPublish(actor)) return true;
  return link.articleId === null && link.createdById === actor.id;
}

export function canManageUsers(actor: Actor): boolean {
  return actor.role === 'admin';
}
