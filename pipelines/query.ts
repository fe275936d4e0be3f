/** Ad-hoc SQL against the warehouse, exact (DECIMAL as text): `npm run query -- "SELECT ..."`. */
import { Db } from "./lib/duckdb.js";

const args = process.argv.slice(2);
const dbIndex = args.indexOf("--db");
const path = dbIndex >= 0 ? args.splice(dbIndex, 2)[1]! : "outputs/warehouse.duckdb";
const db = await Db.open(path);
try {
  for (const sql of args) console.table(await db.all(sql));
} finally {
  db.close();
}
