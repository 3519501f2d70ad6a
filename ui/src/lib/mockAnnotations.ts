// The codebook, passages and notes of `MockBackend`, in memory. Undo and redo
// restore whole snapshots: crude, but exactly right for tests.

import type { BackendError } from './backend';
import type { Article } from './bindings/Article';
import type { CodebookEntry } from './bindings/CodebookEntry';
import type { NewTag } from './bindings/NewTag';
import type { Note } from './bindings/Note';
import type { Passage } from './bindings/Passage';
import type { PassageFilter } from './bindings/PassageFilter';
import type { Tag } from './bindings/Tag';
import type { TagEdit } from './bindings/TagEdit';
import { sliceChars } from './offsets';

type State = { tags: Tag[]; passages: Passage[]; notes: Note[]; next: number };
const NOW = '2026-01-01T00:00:00Z';
const CITE = /\[\[passage:(\d+)\]\]/g;

function notFound(what: string): BackendError {
  return { code: 'not_found', message: `no ${what}` };
}

export class MockAnnotations {
  s: State = { tags: [], passages: [], notes: [], next: 1 };
  #undo: { what: string; before: State }[] = [];
  #redo: { what: string; before: State }[] = [];

  constructor(readonly article: (id: number) => Article | undefined) {}

  #change<T>(what: string, run: () => T): T {
    const before = structuredClone(this.s);
    const out = run();
    this.#undo.push({ what, before });
    this.#redo = [];
    return structuredClone(out);
  }

  undo(): string | null {
    const step = this.#undo.pop();
    if (!step) return null;
    this.#redo.push({ what: step.what, before: structuredClone(this.s) });
    this.s = step.before;
    return step.what;
  }

  redo(): string | null {
    const step = this.#redo.pop();
    if (!step) return null;
    this.#undo.push({ what: step.what, before: structuredClone(this.s) });
    this.s = step.before;
    return step.what;
  }

  codebook(): CodebookEntry[] {
    const own = (id: number) => this.s.passages.filter((p) => p.tags.some((t) => t.id === id)).length;
    const below = (id: number): number[] => [id, ...this.s.tags.filter((t) => t.parent === id).flatMap((t) => below(t.id))];
    return this.s.tags.map((t) => ({
      ...t,
      passages: own(t.id),
      rolled_up: this.s.passages.filter((p) => p.tags.some((x) => below(t.id).includes(x.id))).length,
    }));
  }

  tag(id: number): Tag {
    const t = this.s.tags.find((x) => x.id === id);
    if (!t) throw notFound(`tag ${id}`);
    return t;
  }

  #newTag(n: NewTag): Tag {
    if (this.s.tags.some((t) => t.name.toLowerCase() === n.name.trim().toLowerCase())) {
      throw { code: 'invalid_input', message: `a tag named '${n.name}' exists` } satisfies BackendError;
    }
    const tag: Tag = { id: this.s.next++, name: n.name.trim(), colour: n.colour ?? '#e6a23c', description: n.description, parent: n.parent, shortcut: n.shortcut, created_at: NOW, modified_at: NOW };
    this.s.tags.push(tag);
    return tag;
  }

  createTag(n: NewTag): Tag {
    return this.#change(`create tag '${n.name}'`, () => this.#newTag(n));
  }

  editTag(id: number, e: Partial<TagEdit> & { clearParent?: boolean; clearShortcut?: boolean }): Tag {
    return this.#change(`edit tag`, () => {
      const t = this.tag(id);
      if (e.name != null) t.name = e.name;
      if (e.colour != null) t.colour = e.colour;
      if (e.description != null) t.description = e.description;
      if (e.parent !== undefined && (e.parent !== null || e.clearParent)) t.parent = e.parent;
      if (e.shortcut !== undefined && (e.shortcut !== null || e.clearShortcut)) t.shortcut = e.shortcut;
      this.#syncTags();
      return t;
    });
  }

  mergeTags(from: number, into: number): Tag {
    return this.#change('merge tags', () => {
      const target = this.tag(into);
      for (const p of this.s.passages) {
        if (p.tags.some((t) => t.id === from)) {
          p.tags = p.tags.filter((t) => t.id !== from && t.id !== into);
          p.tags.push({ id: into, name: target.name, colour: target.colour });
        }
      }
      this.s.tags = this.s.tags.filter((t) => t.id !== from);
      return target;
    });
  }

  usage(id: number): number {
    return this.s.passages.filter((p) => p.tags.some((t) => t.id === id)).length;
  }

  deleteTag(id: number) {
    return this.#change('delete tag', () => {
      const tag = this.tag(id);
      const passages = this.usage(id);
      for (const p of this.s.passages) p.tags = p.tags.filter((t) => t.id !== id);
      this.s.tags = this.s.tags.filter((t) => t.id !== id);
      return { tag, passages, children_moved: 0 };
    });
  }

  passages(f: PassageFilter): Passage[] {
    return structuredClone(
      this.s.passages.filter((p) => (f.article === null || p.article_id === f.article) && (f.tag === null || p.tags.some((t) => t.id === f.tag))),
    );
  }

  passage(id: number): Passage {
    const p = this.s.passages.find((x) => x.id === id);
    if (!p) throw notFound(`passage ${id}`);
    return p;
  }

  tagSpan(articleId: number, start: number, end: number, names: string[]): Passage {
    return this.#change(`tag passage`, () => {
      const a = this.article(articleId);
      if (!a) throw notFound(`article ${articleId}`);
      const tags = names.map((n) => this.s.tags.find((t) => t.name.toLowerCase() === n.toLowerCase()) ?? this.#newTag({ name: n, colour: null, description: '', parent: null, shortcut: null }));
      const p: Passage = { id: this.s.next++, article_id: articleId, start, end, quote: sliceChars(a.text, start, end), tags: tags.map((t) => ({ id: t.id, name: t.name, colour: t.colour })), note: '', status: 'anchored', version: a.version, created_at: NOW, modified_at: NOW };
      this.s.passages.push(p);
      return p;
    });
  }

  editPassage(id: number, what: string, edit: (p: Passage) => void): Passage {
    return this.#change(what, () => {
      const p = this.passage(id);
      edit(p);
      return p;
    });
  }

  addPassageTag(id: number, tagId: number): Passage {
    const t = this.tag(tagId);
    return this.editPassage(id, `tag passage ${id}`, (p) => p.tags.push({ id: t.id, name: t.name, colour: t.colour }));
  }

  deletePassage(id: number): Passage {
    return this.#change(`delete passage ${id}`, () => {
      const p = this.passage(id);
      this.s.passages = this.s.passages.filter((x) => x.id !== id);
      return p;
    });
  }

  #syncTags() {
    for (const p of this.s.passages) {
      p.tags = p.tags.map((pt) => {
        const t = this.s.tags.find((x) => x.id === pt.id);
        return t ? { id: t.id, name: t.name, colour: t.colour } : pt;
      });
    }
  }

  note(id: number): Note {
    const n = this.s.notes.find((x) => x.id === id);
    if (!n) throw notFound(`note ${id}`);
    return n;
  }

  putNote(id: number | null, title: string, body: string): Note {
    return this.#change(id === null ? `add note '${title}'` : `edit note '${title}'`, () => {
      const citations = [...body.matchAll(CITE)].map((m) => Number(m[1]));
      for (const c of citations) this.passage(c);
      if (id === null) {
        const n: Note = { id: this.s.next++, title, body, citations, created_at: NOW, modified_at: NOW };
        this.s.notes.unshift(n);
        return n;
      }
      return Object.assign(this.note(id), { title, body, citations });
    });
  }

  deleteNote(id: number): Note {
    return this.#change('delete note', () => {
      const n = this.note(id);
      this.s.notes = this.s.notes.filter((x) => x.id !== id);
      return n;
    });
  }
}
