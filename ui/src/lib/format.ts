// How values read to a person. Dates stay in the article's own terms: a day
// is shown as a day, never shifted through a time zone.

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2015-05-26` → `26 May 2015`; `2016-03-25T16:12` → `25 Mar 2016, 16:12`. */
export function formatPublished(published: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}:\d{2}))?/.exec(published);
  if (!m) return published;
  const day = `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
  return m[4] ? `${day}, ${m[4]}` : day;
}

/** Where a metadata value came from, in words. */
export function describeOrigin(origin: string, start?: number, end?: number): string {
  switch (origin) {
    case 'user':
      return 'set by you';
    case 'front_matter':
      return 'from front matter';
    case 'jsonl':
      return 'from the JSONL record';
    case 'html_meta':
      return 'from the page’s metadata';
    case 'lede':
      return 'made from the first sentence';
    case 'file_name':
      return 'from the file name';
    case 'text':
      return start !== undefined && end !== undefined
        ? `read from the text (chars ${start}–${end})`
        : 'read from the text';
    default:
      return `from ${origin.replace(/_/g, ' ')}`;
  }
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString()} ${n === 1 ? one : many}`;
}
