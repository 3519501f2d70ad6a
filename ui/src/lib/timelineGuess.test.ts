import { expect, test } from 'vitest';
import type { Entity } from './bindings/Entity';
import { guessFields } from './timelineGuess';

const ENTITIES: Entity[] = [
  { id: 1, name: 'John Kerry', kind: 'person', aliases: ['John Kerry', 'Kerry'], mentions: 47 },
  { id: 2, name: 'Sergey Lavrov', kind: 'person', aliases: ['Lavrov', 'Sergei Lavrov'], mentions: 21 },
  { id: 3, name: 'Russia', kind: 'place', aliases: ['Russia'], mentions: 77 },
  { id: 4, name: 'Sochi', kind: 'place', aliases: ['Sochi'], mentions: 3 },
  { id: 5, name: 'European Union', kind: 'organisation', aliases: ['EU'], mentions: 14 },
];

test('people in the order the passage names them, and the place after "in"', () => {
  const quote = 'Lavrov of Russia met Kerry in Sochi on Tuesday, the EU said.';
  expect(guessFields(quote, ENTITIES)).toEqual({ participants: ['Sergey Lavrov', 'John Kerry'], place: 'Sochi' });
});

test('aliases match whole words only; nothing found leaves the fields out', () => {
  expect(guessFields('Kerryville residents met in Sochiland.', ENTITIES)).toEqual({});
});
