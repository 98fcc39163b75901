import pg from 'pg';

/** PostgreSQL type oids whose text form we parse into JavaScript numbers. */
export const INT8_OID = 20;
export const NUMERIC_OID = 1700;

/**
 * int8 (counts, bigserial ids) and numeric become numbers on both back ends, so repositories
 * never see the strings `pg` returns by default. Our int8 values stay far below 2^53.
 */
export const numberParsers: Record<number, (value: string) => number> = {
  [INT8_OID]: Number,
  [NUMERIC_OID]: Number,
};

/** A `types` option for `pg` clients and pools applying `numberParsers`. */
export const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    const parser = numberParsers[oid];
    if (parser && format !== 'binary') return parser;
    return pg.types.getTypeParser(oid, format);
  },
};
