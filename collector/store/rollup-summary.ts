/**
 * The queries behind GET /stats, the same on both backends: the rollup summed in the database, per day and
 * per language or revision, so that a request carries a few hundred rows whatever the number of receipts,
 * shops or languages. One set of statements with a shop and one without, so that each uses its index.
 */
export const summaryStatements = (dialect: 'sqlite' | 'postgres', byShop: boolean) => {
  const [from, to, shop] = dialect === 'sqlite' ? ['@from', '@to', '@shop'] : ['$1', '$2', '$3'];
  const int = (sql: string) => (dialect === 'postgres' ? `(${sql})::int` : sql);
  // SQLite reads all shops as one range of each table's primary key (shop, day, …) per shop, without the
  // lookups its `day` index needs for the summed columns; the shops are found by one step of the primary
  // key each (a skip scan written out), not by reading the table.
  const allShopsOnSqlite = dialect === 'sqlite' && !byShop;
  const shops = allShopsOnSqlite
    ? `WITH RECURSIVE shops(shop) AS (SELECT min(shop) FROM rollup_days UNION ALL
         SELECT (SELECT min(shop) FROM rollup_days WHERE shop > shops.shop) FROM shops WHERE shop IS NOT NULL) `
    : '';
  const scope = byShop ? `shop = ${shop} AND ` : allShopsOnSqlite ? 'shop IN (SELECT shop FROM shops) AND ' : '';
  const where = `${scope}day >= ${from} AND day <= ${to}`;
  const counts = ['decisions', 'accepted', 'refused', 'chose', 'withdrawals']
    .map((column) => `${int(`sum(${column})`)} AS ${column}`)
    .join(', ');
  const purposeCounts = `${int('sum(asked)')} AS asked, ${int('sum(granted)')} AS granted`;
  return {
    days: `${shops}SELECT day, ${counts} FROM rollup_days WHERE ${where} GROUP BY day`,
    splits: `${shops}SELECT 'lang' AS "by", lang AS key, ${counts} FROM rollup_days WHERE ${where} GROUP BY lang
             UNION ALL
             SELECT 'revision', revision, ${counts} FROM rollup_days WHERE ${where} GROUP BY revision`,
    purposeDays: `${shops}SELECT day, purpose, ${purposeCounts} FROM rollup_purposes WHERE ${where} GROUP BY day, purpose`,
    purposeSplits: `${shops}SELECT 'lang' AS "by", lang AS key, purpose, ${purposeCounts} FROM rollup_purposes WHERE ${where}
                    GROUP BY lang, purpose
                    UNION ALL
                    SELECT 'revision', revision, purpose, ${purposeCounts} FROM rollup_purposes WHERE ${where}
                    GROUP BY revision, purpose`,
    firstDays: `SELECT revision, min(day) AS day FROM rollup_days${byShop ? ` WHERE shop = ${dialect === 'sqlite' ? '@shop' : '$1'}` : ''} GROUP BY revision`,
  };
};
