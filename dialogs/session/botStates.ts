/**
 * botbuilder's `ConversationState` and `UserState` with a cheaper change check. `BotState`
 * decides whether to write by hashing the whole state (SHA-256 over botbuilder's
 * circular-safe, replacer-driven JSON) three times a turn — when it loads, before it saves
 * and after — which was ~4% of a trainer turn. Our state is plain JSON by construction, so
 * these compare its JSON text instead: once when it loads, once when it saves (the text
 * compared before the write is the one kept after it). Same storage keys, same
 * `eTag: '*'` writes, same accessors; nothing else changes.
 *
 * With a storage that also reads and writes values as JSON text ({@link JsonStorage}: the
 * lowdb files), the text read is the one compared and the text compared is the one written:
 * a turn serialises its state once and parses it once.
 */
import { BotState, ConversationState, UserState, type Storage, type TurnContext } from 'botbuilder';

/** The state of one turn and the JSON text it had when last loaded or saved. */
interface Cached {
  state: Record<string, unknown>;
  json: string;
}

/** A stored value as JSON text (`JSON.stringify` of the object, without its eTag), and its eTag. */
export interface JsonItem {
  json: string;
  eTag: string;
}

/** A `Storage` that also reads and writes values as JSON text (overwriting, as eTag `*`). */
export interface JsonStorage extends Storage {
  readJson(keys: string[]): Promise<Record<string, JsonItem>>;
  writeJson(changes: Record<string, string>): Promise<void>;
}

function isJsonStorage(storage: Storage): storage is JsonStorage {
  const s = storage as Partial<JsonStorage>;
  return typeof s.readJson === 'function' && typeof s.writeJson === 'function';
}

/** The state's JSON text without its eTag (what the check compares). */
function jsonOf(state: Record<string, unknown>): string {
  const { eTag: _eTag, ...rest } = state;
  return JSON.stringify(rest);
}

/**
 * A `BotState` with the JSON-text change check: `load`, `saveChanges`, `clear`, `delete` and
 * `get` behave as botbuilder documents them, keeping their cache under a key of their own.
 */
export class JsonCheckedState extends BotState {
  readonly #slot = Symbol('json-checked state');

  /** @param keyOf the storage key of a turn's state (undefined: the activity lacks what it needs) */
  constructor(storage: Storage, keyOf: (context: TurnContext) => string | undefined) {
    super(storage, async (context) => {
      const key = keyOf(context);
      if (!key) throw new Error('The activity does not identify whose state to use');
      return key;
    });
  }

  #cached(context: TurnContext): Cached | undefined {
    return context.turnState.get(this.#slot) as Cached | undefined;
  }

  override async load(context: TurnContext, force = false): Promise<Record<string, unknown>> {
    const cached = this.#cached(context);
    if (!force && cached?.state) return cached.state;
    const key = await this.storageKey(context);
    let loaded: Cached;
    if (isJsonStorage(this.storage)) {
      const stored = (await this.storage.readJson([key]))[key];
      loaded = stored
        ? { state: { ...(JSON.parse(stored.json) as Record<string, unknown>), eTag: stored.eTag }, json: stored.json }
        : { state: {}, json: '{}' };
    } else {
      const state = ((await this.storage.read([key]))[key] as Record<string, unknown> | undefined) ?? {};
      loaded = { state, json: jsonOf(state) };
    }
    context.turnState.set(this.#slot, loaded);
    return loaded.state;
  }

  override async saveChanges(context: TurnContext, force = false): Promise<void> {
    const cached = this.#cached(context) ?? (force ? { state: {}, json: '' } : undefined);
    if (!cached) return;
    const json = jsonOf(cached.state);
    if (!force && json === cached.json) return;
    const key = await this.storageKey(context);
    cached.state.eTag = '*';
    if (isJsonStorage(this.storage)) await this.storage.writeJson({ [key]: json });
    else await this.storage.write({ [key]: cached.state });
    cached.json = json;
    context.turnState.set(this.#slot, cached);
  }

  override async clear(context: TurnContext): Promise<void> {
    // an empty text never equals a state's: the next saveChanges writes
    context.turnState.set(this.#slot, { state: {}, json: '' } satisfies Cached);
  }

  override async delete(context: TurnContext): Promise<void> {
    context.turnState.delete(this.#slot);
    const key = await this.storageKey(context);
    await this.storage.delete([key]);
  }

  override get(context: TurnContext): Record<string, unknown> | undefined {
    const cached = this.#cached(context);
    return typeof cached?.state === 'object' ? cached.state : undefined;
  }
}

/** `ConversationState`'s keys (`<channel>/conversations/<id>/`) with the JSON-text change check. */
export class TrainerConversationState extends JsonCheckedState {
  constructor(storage: Storage) {
    const keys = new ConversationState(storage);
    super(storage, (context) => keys.getStorageKey(context));
  }
}

/** `UserState`'s keys (`<channel>/users/<id>/`) with the JSON-text change check. */
export class TrainerUserState extends JsonCheckedState {
  constructor(storage: Storage) {
    const keys = new UserState(storage);
    super(storage, (context) => keys.getStorageKey(context));
  }
}
