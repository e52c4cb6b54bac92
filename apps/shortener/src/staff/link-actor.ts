import type { LinkActor } from '@newsroom/links';

/** A member of staff as the author of a link change (named as they are called at the time). */
export function staffActor(user: { id: string; name: string; email: string }): LinkActor {
  return { type: 'user', id: user.id, name: user.name || user.email };
}
