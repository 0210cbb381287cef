import { decodeWire, encodeDocument, decodeStored } from '../../../emulator/db/ejson';

const NOW = Date.UTC(2025, 0, 1);

describe('decoding what the SDK sends', () => {
  test('canonical numbers, dates and nested objects become plain JS values', () => {
    const text =
      '{"n":{"$numberInt":"1"},"f":{"$numberDouble":"1.5"},"big":{"$numberLong":"1099511627776"},"d":{"$date":{"$numberLong":"5"}},"o":{"a":[{"$numberInt":"2"}]}}';
    expect(decodeWire(text, NOW, 'data')).toEqual({ n: 1, f: 1.5, big: 1099511627776, d: new Date(5), o: { a: [2] } });
  });

  test('db.serverDate() becomes the server time plus its offset', () => {
    expect(decodeWire('{"at":{"$tcb_server_date":{"offset":{"$numberInt":"0"}}}}', NOW, 'data')).toEqual({
      at: new Date(NOW),
    });
    expect(decodeWire('{"at":{"$tcb_server_date":{"offset":{"$numberInt":"-1000"}}}}', NOW, 'data')).toEqual({
      at: new Date(NOW - 1000),
    });
  });

  test('a BSON regex becomes a JS RegExp with the matching flags', () => {
    const value = decodeWire('{"r":{"$regularExpression":{"pattern":"^a.b","options":"ims"}}}', NOW, 'query') as {
      r: RegExp;
    };
    expect(value.r).toBeInstanceOf(RegExp);
    expect(value.r.source).toBe('^a.b');
    expect(value.r.flags).toBe('ims');
  });

  test('BSON types without a JS counterpart are refused by name', () => {
    expect(() => decodeWire('{"o":{"$oid":"5f1b5b9b9b9b9b9b9b9b9b9b"}}', NOW, 'query')).toThrow(
      'the BSON type ObjectId is not supported',
    );
    expect(() => decodeWire('{"d":{"$numberDecimal":"1.2"}}', NOW, 'query')).toThrow(
      'the BSON type Decimal128 is not supported',
    );
  });

  test('malformed input and prototype keys are refused', () => {
    expect(() => decodeWire('{', NOW, 'query')).toThrow('[INVALID_PARAM] query is not valid Extended JSON');
    expect(() => decodeWire('{"__proto__":{"polluted":true}}', NOW, 'data')).toThrow('"__proto__" is not allowed');
  });
});

describe('encoding documents', () => {
  test('dates, regexes and numbers survive a round trip through storage', () => {
    const doc = { _id: 'a', at: new Date(1234), re: /x/i, n: 3, f: 0.25, nested: { list: [1, 'two', null] } };
    expect(decodeStored(encodeDocument(doc))).toEqual(doc);
  });
});
