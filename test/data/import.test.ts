import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayFromCivil } from '../../src/data/dates.ts';
import { importBytes, importTransactions, type ImportOutcome } from '../../src/data/import.ts';
import { summarizeCustomers } from '../../src/data/summary.ts';
import { expectClose } from '../engine/close.ts';

function kept(outcome: ImportOutcome): Extract<ImportOutcome, { ok: true }> {
  if (!outcome.ok) throw new Error(`expected a successful import, got ${outcome.error.code}: ${outcome.error.message}`);
  return outcome;
}

const latin1 = (text: string): Uint8Array => Uint8Array.from(text, (ch) => ch.charCodeAt(0));

describe('importTransactions(text) dialects', () => {
  it('reads a German ERP export: Kundennummer;Datum;Umsatz with 12.03.2025 and 1.234,56', async () => {
    const outcome = kept(await importTransactions('Kundennummer;Datum;Umsatz\n4711;12.03.2025;1.234,56\n4711;13.03.2025;-12,50\n0815;01.12.2024;99\n'));
    expect(outcome.dialect).toEqual({ delimiter: ';', decimal: ',', dateFormat: 'DD.MM.YYYY', hasHeader: true });
    expect(outcome.detection.ambiguousDate).toBe(false);
    expect(outcome.table.customerIds).toEqual(['4711', '0815']);
    expect(Array.from(outcome.table.revenue)).toEqual([1234.56, -12.5, 99]);
    expect(Array.from(outcome.table.day)).toEqual([dayFromCivil(2025, 3, 12), dayFromCivil(2025, 3, 13), dayFromCivil(2024, 12, 1)]);
    expect(outcome.report).toMatchObject({ rows: 3, kept: 3, rejected: 0, customers: 2 });
  });

  it('reads English CSV with quoted 1,234.56 and US dates, and tab-separated text', async () => {
    const csv = kept(await importTransactions('customer_id,order_date,amount\nA,03/14/2025,"1,234.56"\nB,12/01/2024,7.5\n'));
    expect(csv.dialect).toMatchObject({ delimiter: ',', decimal: '.', dateFormat: 'MM/DD/YYYY' });
    expect(Array.from(csv.table.revenue)).toEqual([1234.56, 7.5]);
    expect(csv.table.day[0]).toBe(dayFromCivil(2025, 3, 14));
    const tsv = kept(await importTransactions('customer\tdate\tsales\nA\t2025-03-14\t10.25\n'));
    expect(tsv.dialect.delimiter).toBe('\t');
    expect(tsv.table.revenue[0]).toBe(10.25);
  });

  it('maps German and English headers, optional columns included', async () => {
    const outcome = kept(
      await importTransactions('Kunden-Nr.;Bestelldatum;Betrag (EUR);Kosten;Retouren;Kanal;Menge\nK1;01.02.2025;100,00;60,00;10,00;Shop;2\nK1;05.02.2025;50,00;;0;Filiale;1\n'),
    );
    expect(outcome.mapping).toEqual({ customerId: 0, date: 1, revenue: 2, cost: 3, returns: 4, channel: 5, quantity: 6 });
    expect(Array.from(outcome.table.cost ?? [])).toEqual([60, 0]);
    expect(outcome.table.channels).toEqual(['Shop', 'Filiale']);
    const summary = summarizeCustomers(outcome.table);
    expect(summary.margin?.[0]).toBe(90);
    expect(summary.returns?.[0]).toBe(10);
    expect(summary.channel?.[0]).toBe(0);
  });

  it('reports ambiguous dates with both candidates, DD.MM for "." and MM/DD for "/" by default', async () => {
    const dotted = kept(await importTransactions('Kunde;Datum;Umsatz\n1;03.04.2025;10\n2;05.06.2025;20\n'));
    expect(dotted.detection.ambiguousDate).toBe(true);
    expect(dotted.detection.dateCandidates).toEqual(['DD.MM.YYYY', 'MM.DD.YYYY']);
    expect(dotted.table.day[0]).toBe(dayFromCivil(2025, 4, 3));
    const slashed = kept(await importTransactions('id,date,revenue\n1,03/04/2025,10\n'));
    expect(slashed.detection.dateCandidates).toEqual(['MM/DD/YYYY', 'DD/MM/YYYY']);
    expect(slashed.table.day[0]).toBe(dayFromCivil(2025, 3, 4));
    // The user's answer goes back in as an option.
    const chosen = kept(await importTransactions('id,date,revenue\n1,03/04/2025,10\n', { dialect: { dateFormat: 'DD/MM/YYYY' } }));
    expect(chosen.table.day[0]).toBe(dayFromCivil(2025, 4, 3));
  });

  it('takes a day above 12 as proof of the order: 25/12/2024 makes the file DD/MM', async () => {
    const outcome = kept(await importTransactions('id,date,revenue\n1,03/04/2025,10\n2,25/12/2024,5\n'));
    expect(outcome.detection.ambiguousDate).toBe(false);
    expect(outcome.dialect.dateFormat).toBe('DD/MM/YYYY');
  });
});

describe('importBytes(bytes) encodings', () => {
  it('decodes Windows-1252 (Müller as 0xFC) when the bytes are not UTF-8', async () => {
    const outcome = kept(await importBytes(latin1('Kundennummer;Datum;Umsatz\nM\u00fcller;12.03.2025;1.234,56\n')));
    expect(outcome.encoding).toBe('windows-1252');
    expect(outcome.table.customerIds).toEqual(['Müller']);
  });

  it('reads UTF-8 with and without BOM alike, the BOM not part of the first header', async () => {
    const text = 'Kundennummer;Datum;Umsatz\nMüller;12.03.2025;1,00\n';
    const plain = kept(await importBytes(new TextEncoder().encode(text)));
    const withBom = kept(await importBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)])));
    expect(plain.encoding).toBe('utf-8');
    expect(withBom.mapping.customerId).toBe(0);
    expect(withBom.table.customerIds).toEqual(['Müller']);
    const utf16 = kept(await importBytes(new Uint8Array([0xff, 0xfe, ...new Uint8Array(Uint16Array.from(text, (ch) => ch.charCodeAt(0)).buffer)])));
    expect(utf16.encoding).toBe('utf-16le');
    expect(utf16.table.customerIds).toEqual(['Müller']);
  });
});

describe('bad input', () => {
  it('rejects bad rows with their 1-based line number and a reason, and keeps the rest', async () => {
    const text = [
      'Kundennummer;Datum;Umsatz', // line 1
      '1;12.03.2025;10,00', // 2
      ';12.03.2025;10,00', // 3 missing id
      '2;31.02.2025;10,00', // 4 no such date
      '', // 5 empty line: skipped, still counted
      '3;12.03.2025;zehn', // 6
      '4;12.03.2025', // 7 too few fields
      '5;;10,00', // 8
      '6;12.03.2025;12.5', // 9 "12.5" with decimal comma: not silently 125
      '7;13.03.2025;1.000,00', // 10
    ].join('\r\n');
    const outcome = kept(await importTransactions(text));
    expect(outcome.rejected.map((r) => [r.line, r.code])).toEqual([
      [3, 'missingId'],
      [4, 'badDate'],
      [6, 'badRevenue'],
      [7, 'tooFewFields'],
      [8, 'missingDate'],
      [9, 'badRevenue'],
    ]);
    expect(outcome.rejected[1]?.message).toBe('line 4: date "31.02.2025" is not a valid date in the format DD.MM.YYYY');
    expect(outcome.report).toMatchObject({ rows: 8, kept: 2, rejected: 6, rejectedByCode: { badRevenue: 2, missingId: 1 } });
    expect(Array.from(outcome.table.line)).toEqual([2, 10]);
  });

  it('counts lines inside quoted fields, so line numbers stay those of the file', async () => {
    const outcome = kept(await importTransactions('id,date,revenue,note\n1,2025-01-01,5,"two\nlines"\n2,2025-13-01,5,x\n'));
    expect(outcome.rejected[0]?.line).toBe(4);
  });

  it('gives one clear error for an empty, a binary and a wrong file', async () => {
    const empty = await importBytes(new Uint8Array(0));
    const blank = await importTransactions('  \n\n');
    const binary = await importBytes(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    const wrong = await importTransactions('name,colour\napple,red\n');
    const partial = await importTransactions('customer_id,frequency\n1,2\n');
    const headerOnly = await importTransactions('Kundennummer;Datum;Umsatz\n');
    expect([empty, blank, binary, wrong, partial, headerOnly].map((o) => (o.ok ? 'ok' : o.error.code))).toEqual([
      'empty',
      'empty',
      'binary',
      'noColumns',
      'missingColumns',
      'noDataRows',
    ]);
    if (!partial.ok) expect(partial.error.message).toContain('No column found for: date, revenue');
  });

  it('maps a file without header row by content', async () => {
    const outcome = kept(await importTransactions('4711;12.03.2025;1.234,56\n4712;14.03.2025;99,90\n'));
    expect(outcome.dialect.hasHeader).toBe(false);
    expect(outcome.mapping).toEqual({ customerId: 0, date: 1, revenue: 2 });
    expect(outcome.report.kept).toBe(2);
  });
});

describe('progress and cancel', () => {
  const text = `id,date,revenue\n${Array.from({ length: 5000 }, (_, i) => `${i % 97},2024-01-${String(1 + (i % 28)).padStart(2, '0')},${i % 13}.5`).join('\n')}\n`;

  it('reports rising progress up to 1 and gives the same table as without', async () => {
    const fractions: number[] = [];
    const outcome = kept(await importTransactions(text, { chunkChars: 4096, onProgress: (p) => fractions.push(p.fraction) }));
    expect(fractions.length).toBeGreaterThan(5);
    expect(fractions.every((f, k) => k === 0 || f > (fractions[k - 1] as number))).toBe(true);
    expect(fractions.at(-1)).toBe(1);
    const whole = kept(await importTransactions(text));
    expect(outcome.table.revenue).toEqual(whole.table.revenue);
    expect(outcome.table.line).toEqual(whole.table.line);
  });

  it('stops with "cancelled" when the signal aborts', async () => {
    const controller = new AbortController();
    const outcome = await importTransactions(text, {
      chunkChars: 4096,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.fraction > 0.3) controller.abort();
      },
    });
    expect(outcome.ok ? 'ok' : outcome.error.code).toBe('cancelled');
  });
});

describe('property: the English and the German dialect of one table give the same customers', () => {
  const row = fc.record({
    customer: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: dayFromCivil(2023, 1, 1), max: dayFromCivil(2025, 12, 31) }),
    cents: fc.integer({ min: 0, max: 500_000_00 }),
  });

  const pad = (n: number) => String(n).padStart(2, '0');
  const civil = (day: number) => {
    const date = new Date(day * 86_400_000);
    return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
  };
  const grouped = (cents: number, group: string, decimal: string) => {
    const whole = Math.floor(cents / 100)
      .toString()
      .replace(/\B(?=(\d{3})+(?!\d))/g, group);
    return `${whole}${decimal}${pad(cents % 100)}`;
  };

  it('per-customer revenue, frequency, recency and T agree', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 60 }), async (rows) => {
        const english = `customer_id,date,revenue\n${rows
          .map((r) => {
            const { y, m, d } = civil(r.day);
            return `C${r.customer},${pad(m)}/${pad(d)}/${y},"${grouped(r.cents, ',', '.')}"`;
          })
          .join('\n')}\n`;
        const german = `Kundennummer;Datum;Umsatz\r\n${rows
          .map((r) => {
            const { y, m, d } = civil(r.day);
            return `C${r.customer};${pad(d)}.${pad(m)}.${y};${grouped(r.cents, '.', ',')}`;
          })
          .join('\r\n')}\r\n`;
        // An all-ambiguous sample is read with each dialect's default (MM/DD and DD.MM): both right here.
        const a = summarizeCustomers(kept(await importTransactions(english)).table);
        const b = summarizeCustomers(kept(await importTransactions(german)).table);
        expect(b.ids).toEqual(a.ids);
        for (let c = 0; c < a.customers; c++) {
          expectClose(b.revenue[c], a.revenue[c] as number, 1e-6);
          expect(b.frequency[c]).toBe(a.frequency[c]);
          expect(b.recency[c]).toBe(a.recency[c]);
          expect(b.T[c]).toBe(a.T[c]);
        }
        let expectedTotal = 0;
        for (const r of rows) expectedTotal += r.cents / 100;
        expectClose(a.revenue.reduce((s, v) => s + v, 0), expectedTotal, 1e-4);
      }),
      { numRuns: 60 },
    );
  });
});

describe('faults found by probing (issue 14, item 11)', () => {
  it('reports a stray quote at the start of a line with its line number and keeps the lines after it', async () => {
    const text = 'id,date,revenue\n1,2025-01-01,10\n"2,2025-01-02,5\n3,2025-01-03,5\n1,2025-02-03,5\n';
    const outcome = kept(await importTransactions(text));
    expect(outcome.rejected.map((r) => [r.line, r.code])).toEqual([[3, 'unbalancedQuote']]);
    expect(outcome.rejected[0]?.message).toBe('line 3: a quote (") opened here is never closed, so the line was skipped');
    expect(outcome.report).toMatchObject({ rows: 4, kept: 3, rejected: 1 });
    expect(Array.from(outcome.table.line)).toEqual([2, 4, 5]);
  });

  it('finds the stray quote in any chunk, with correct line numbers after it, and quoted fields before it', async () => {
    const lines = ['id,date,revenue,note'];
    for (let i = 0; i < 3000; i++) lines.push(`${i % 50},2024-01-${String(1 + (i % 28)).padStart(2, '0')},${i % 7}.5,${i === 10 ? '"a\nb"' : 'x'}`);
    lines.splice(2001, 0, '"broken,2024-01-01,1,x');
    const text = `${lines.join('\n')}\n`;
    for (const chunkChars of [1024, 4096, 1 << 20]) {
      const outcome = kept(await importTransactions(text, { chunkChars, onProgress: () => undefined }));
      // Line 12 holds a field over two lines, so the stray quote (list index 2001) is on line 2003.
      expect(outcome.rejected.map((r) => [r.line, r.code]), `chunk ${chunkChars}`).toEqual([[2003, 'unbalancedQuote']]);
      expect(outcome.report.kept).toBe(3000);
      expect(outcome.table.line.at(-1)).toBe(3003);
    }
  });

  it('counts negative amounts as returns: kept in revenue, netted per day, a day with a negative net is no purchase', async () => {
    const text = 'id,date,revenue\nA,2025-01-01,10\nA,2025-01-08,30\nA,2025-01-08,-5\nA,2025-01-15,-20\nB,2025-01-02,8\nB,2025-01-09,4\n';
    const outcome = kept(await importTransactions(text));
    expect(outcome.report).toMatchObject({ kept: 6, rejected: 0, negativeRows: 2 });
    const summary = summarizeCustomers(outcome.table, { unit: 'day' });
    // A: purchase days Jan 1 and Jan 8 (30 - 5 = 25); Jan 15 nets -20: a return, not a purchase.
    expect(summary.frequency[0]).toBe(1);
    expect(summary.recency[0]).toBe(7);
    expect(summary.monetary[0]).toBe(25);
    expect(summary.revenue[0]).toBe(15);
    expect(summary.purchaseDays[0]).toBe(2);
    expect(summary.lastDay[0]).toBe(dayFromCivil(2025, 1, 8));
    expect(summary.frequency[1]).toBe(1);
    expect(summary.monetary[1]).toBe(4);
  });

  it('rejects rows dated after the latest valid day (2099, 9999-12-31), so they never become the calibration end', async () => {
    const text = 'id,date,revenue\n1,2025-01-01,10\n1,2025-01-08,12\n2,2099-05-01,5\n2,9999-12-31,5\n2,2025-01-02,20\n';
    const latestDay = dayFromCivil(2026, 12, 3);
    const outcome = kept(await importTransactions(text, { latestDay }));
    expect(outcome.rejected.map((r) => [r.line, r.code])).toEqual([
      [4, 'futureDate'],
      [5, 'futureDate'],
    ]);
    expect(outcome.rejected[1]?.message).toBe('line 5: date "9999-12-31" lies after 2026-12-03; a purchase cannot be in the future');
    expect(outcome.report.lastDay).toBe(dayFromCivil(2025, 1, 8));
    // Without the option the latest valid day is tomorrow by the clock.
    const byClock = kept(await importTransactions(text));
    expect(byClock.report.rejectedByCode.futureDate).toBe(2);
  });

  it('says that a file with only a header has no data rows, without pointing to a list of rejected rows', async () => {
    for (const text of ['Kundennummer;Datum;Umsatz\n', 'id,date,revenue\n\n\n']) {
      const outcome = await importTransactions(text);
      expect(outcome.ok ? 'ok' : outcome.error.code).toBe('noDataRows');
      if (!outcome.ok) {
        expect(outcome.error.message).toBe('No usable transactions: the file has a header row but no data rows.');
        expect(outcome.rejected).toEqual([]);
      }
    }
  });

  it('reads UTF-16LE and UTF-16BE without a BOM (Excel "Unicode text" saved by some tools)', async () => {
    const text = 'Kundennummer\tDatum\tUmsatz\nMüller\t12.03.2025\t1,00\nMüller\t19.03.2025\t2,50\n';
    const units = Uint16Array.from(text, (ch) => ch.charCodeAt(0));
    const le = new Uint8Array(units.buffer.slice(0));
    const be = le.map((_, i) => le[i ^ 1] as number);
    const fromLe = kept(await importBytes(le));
    expect(fromLe.encoding).toBe('utf-16le');
    expect(fromLe.table.customerIds).toEqual(['Müller']);
    expect(Array.from(fromLe.table.revenue)).toEqual([1, 2.5]);
    const fromBe = kept(await importBytes(be));
    expect(fromBe.encoding).toBe('utf-16be');
    expect(Array.from(fromBe.table.revenue)).toEqual([1, 2.5]);
  });
});
