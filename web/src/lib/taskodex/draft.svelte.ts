/**
 * The text of a field edited in place (a task's title, description, labels):
 * it follows the saved value (another field's save, a reload, the answer to
 * the read made when the drawer opened) until the user types, and from then
 * on keeps what they typed until it is saved or put back. Replacing it on
 * every change of the task would throw away what is being typed, and a save
 * on Enter would then find nothing to save.
 */
export class Draft {
  value = $state('');
  /** The saved value the draft last followed. */
  #saved = '';
  /** What it is a draft of (a task id): another one always starts from its saved value. */
  #of: string | undefined;

  /** The saved value is now `saved`: show it, unless the user has typed something else. */
  follow(of: string, saved: string) {
    if (of !== this.#of || this.value === this.#saved) this.value = saved;
    this.#of = of;
    this.#saved = saved;
  }

  /** Back to the saved value (Escape, an empty title). */
  reset() {
    this.value = this.#saved;
  }
}
