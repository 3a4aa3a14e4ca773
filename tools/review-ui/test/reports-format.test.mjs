// The reports page says business time in the service's words (businesstime.BusinessTimeFormat), shares as
// percentages and instants in the reporting zone.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  consumed, day, duration, extraCell, extraFields, hours, instant, internalShare, minutesOf, numbers, percent, period,
} from '../src/reports-format.js';

test('durations read as BusinessTimeFormat writes them (its test rows)', () => {
  // The rows of BusinessTimeFormatTest, as java.time.Duration.toString() sends them in the JSON.
  const rows = [
    ['PT0S', 'less than 1 min'], ['PT59.9S', 'less than 1 min'], ['PT1M', '1 min'], ['PT45M', '45 min'],
    ['PT1H', '1 h'], ['PT2H30M', '2 h 30 min'], ['PT2H30M59S', '2 h 30 min'], ['PT23H59M', '23 h 59 min'],
    ['PT24H', '1 d'], ['PT24H5M', '1 d 5 min'], ['PT50H30M', '2 d 2 h 30 min'], ['P2D', '2 d'],
    ['PT80H', '3 d 8 h'], ['-PT1H15M', '1 h 15 min'], ['PT-1H-15M', '1 h 15 min'], ['PT40H', '1 d 16 h'],
  ];
  for (const [iso, words] of rows) assert.equal(duration(iso), words, iso);
});

test('a missing or unreadable duration is a dash, never "0 min" or NaN', () => {
  for (const value of [null, undefined, '', 'P', 'PT', '1h', 42]) assert.equal(duration(value), '–', String(value));
  assert.equal(minutesOf('PT1H30M'), 90);
  assert.equal(hours('PT1H30M'), 1.5);
  assert.equal(hours(null), null, 'a chart gap, not a zero');
});

test('shares are percentages; nothing decided is a dash; the internal share is of the decided clocks', () => {
  assert.equal(percent(0.5), '50 %');
  assert.equal(percent(2 / 3), '66.7 %');
  assert.equal(percent(1), '100 %');
  assert.equal(percent(null), '–');
  assert.equal(internalShare({ met: 2, breached: 2, internalMet: 1 }), 0.25);
  assert.equal(internalShare({ met: 0, breached: 0, internalMet: 0 }), null);
});

test('instants are shown in the reporting zone and name it; days are the days themselves', () => {
  assert.equal(instant('2020-03-02T09:31:00Z', 'UTC'), 'Mon 2 Mar 2020 09:31 UTC');
  assert.equal(instant('2020-03-02T23:30:00Z', 'Europe/Amsterdam'), 'Tue 3 Mar 2020 00:30 Europe/Amsterdam');
  assert.equal(instant('2020-07-01T12:00:00Z', 'Europe/Amsterdam'), 'Wed 1 Jul 2020 14:00 Europe/Amsterdam',
    'summer time');
  assert.equal(day('2020-03-02'), 'Mon 2 Mar 2020');
  assert.equal(period('2020-03-02', '2020-03-02', 'UTC'), 'Mon 2 Mar 2020 (whole days in UTC)');
  assert.equal(period('2020-02-29', '2020-03-03', 'Europe/Amsterdam'),
    'Sat 29 Feb 2020 to Tue 3 Mar 2020 (whole days in Europe/Amsterdam)');
});

test('only the optional fields some row carries become columns, in a fixed order', () => {
  assert.deepEqual(extraFields([{ group: 'a' }]), []);
  assert.deepEqual(extraFields([{ group: 'a', csat: { answers: 0 } }, { group: 'b', breaches: 2 }]),
    ['breaches', 'csat']);
});

test('the optional fields read as words with their numbers', () => {
  assert.equal(extraCell('timePaused', { median: 'PT2H', total: 'PT40H' }), 'median 2 h, total 1 d 16 h');
  assert.equal(extraCell('escalations', { 10: 1, 2: 3, 1: 4 }), 'level 1: 4, level 2: 3, level 10: 1');
  assert.equal(extraCell('escalations', {}), 'none');
  assert.equal(extraCell('ola', [{ team: 'support', stints: 5, met: 3, breached: 1, compliance: 0.75 },
    { team: 'engineering', stints: 1, met: 1, breached: 0, compliance: 1 }]),
  'support 75 % (3 met, 1 breached, 5 stints); engineering 100 % (1 met, 0 breached, 1 stint)');
  assert.equal(extraCell('csat', { answers: 3, average: 3.666, scores: { 1: 0, 3: 1, 4: 2 } }),
    '3.7 of 5 from 3 answers (3★ 1, 4★ 2)');
  assert.equal(extraCell('csat', { answers: 0, average: null, scores: {} }), 'no answers');
  assert.equal(extraCell('breaches', 0), '0');
  assert.equal(extraCell('breaches', null), '–');
});

test('a breach names what each team consumed, and the numbers behind a review flag read as words', () => {
  assert.equal(consumed({ team: 'engineering', stints: 2, businessTime: 'PT5H10M', olaBudget: 'PT4H', olaBreached: true }),
    'engineering 5 h 10 min in 2 stints, OLA 4 h, OLA breached');
  assert.equal(consumed({ team: 'support', stints: 1, businessTime: 'PT30M', olaBudget: null, olaBreached: false }),
    'support 30 min in 1 stint, OLA met');
  assert.equal(numbers({ compliance: 0.96, csatAverage: 2.125, breaches: 4, medianResolution: 'PT40H' }),
    'compliance 96 %, csatAverage 2.13, breaches 4, medianResolution 1 d 16 h');
});
