/**
 * The queries behind GET /stats, the same on both backends: the rollup summed in the database, per day and
 * per language or revision, so that a request carries a few hundred rows whatever the number of receipts,
 * shops or languages. One set of statements with a shop and one without, so that each uses its index: the
 * primary key (shop, day, …) for one shop, the index on day for all of them.
 */
export const summaryStatements = (dialect: 'sqlite' | 'postgres', byShop: boolean) => {
  const [from, to, shop] = dialect === 'sqlite' ? ['@from', '@to', '@shop'] : ['$1', '$2', '$3'];
  const int = (sql: string) => (dialect === 'postgres' ? `(${sql})::int` : sql);
  const scope = byShop ? `shop = ${shop} AND ` : '';
  const where = `${scope}day >= ${from} AND day <= ${to}`;
  const counts = ['decisions', 'accepted', 'refused', 'chose', 'withdrawals']
    .map((column) => `${int(`sum(${column})`)} AS ${column}`)
    .join(', ');
  const purposeCounts = `${int('sum(asked)')} AS asked, ${int('sum(granted)')} AS granted`;
  return {
    days: `SELECT day, ${counts} FROM rollup_days WHERE ${where} GROUP BY day`,
    splits: `SELECT 'lang' AS "by", lang AS key, ${counts} FROM rollup_days WHERE ${where} GROUP BY lang
             UNION ALL
             SELECT 'revision', revision, ${counts} FROM rollup_days WHERE ${where} GROUP BY revision`,
    purposeDays: `SELECT day, purpose, ${purposeCounts} FROM rollup_purposes WHERE ${where} GROUP BY day, purpose`,
    purposeSplits: `SELECT 'lang' AS "by", lang AS key, purpose, ${purposeCounts} FROM rollup_purposes WHERE ${where}
                    GROUP BY lang, purpose
                    UNION ALL
                    SELECT 'revision', revision, purpose, ${purposeCounts} FROM rollup_purposes WHERE ${where}
                    GROUP BY revision, purpose`,
    firstDays: `SELECT revision, min(day) AS day FROM rollup_days${byShop ? ` WHERE shop = ${dialect === 'sqlite' ? '@shop' : '$1'}` : ''} GROUP BY revision`,
  };
};
