// Small articles for component tests, with the shapes the core returns.

import type { Article } from '../bindings/Article';
import type { Segment } from '../bindings/Segment';

type Options = {
  id: number;
  title?: string | null;
  outlet?: string | null;
  published?: string | null;
  text: string;
  segments?: Segment[];
};

export function article({ id, title = null, outlet = null, published = null, text, segments }: Options): Article {
  const from = { origin: 'front_matter' };
  const len = Array.from(text).length;
  return {
    id,
    source: `/corpus/article-${id}.txt`,
    version: 1,
    content_hash: `hash-${id}`,
    metadata: {
      title: title === null ? null : { value: title, source: from },
      outlet: outlet === null ? null : { value: outlet, source: from },
      author: null,
      published: published === null ? null : { value: published, source: from },
      url: null,
    },
    segments: segments ?? [{ kind: 'body', start: 0, end: len }],
    text,
    words: text.split(/\s+/).filter(Boolean).length,
    extra: {},
    imported_at: '2025-01-01T00:00:00Z',
  };
}

export const SOCHI = article({
  id: 1,
  title: 'Kerry meets Putin in Sochi',
  outlet: 'Russia Direct',
  published: '2015-05-12',
  text: 'Kerry 😀 met Putin in Sochi on Tuesday.\n\nThe talks in Sochi lasted four hours.',
});

export const UNDATED = article({
  id: 2,
  title: 'Talks in 東京 resume',
  outlet: 'Reuters',
  published: null,
  text: 'Negotiators met again in 東京, an official said.',
});
