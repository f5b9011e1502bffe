-- Per-customer summary for the Kundenwert-Simulator in Spark SQL (a cluster;
-- Spark 3.0 or later). Line for line the DuckDB query; the differences are marked "spark:". The result
-- is the summary file the app and `npm run analyze` import (src/data/summaryImport.ts)
-- and equals the app's own summary of the same transactions (src/data/summary.ts;
-- test/sql/customerSummary.test.ts checks it row for row):
--   - purchases of one customer on one day are merged, amounts summed;
--   - a negative amount is a return: it nets against its day; a day whose
--     net is negative is no purchase;
--   - frequency = purchase days up to calibration_end (inclusive) - 1;
--   - recency = last - first purchase day, T = calibration_end - first
--     purchase day, both in days / period_days (7: weeks, 1: days);
--   - monetary_value = mean net amount of the repeat purchase days, 0 without;
--   - revenue = all amounts of the customer (holdout and returns included);
--   - customers whose first purchase is after calibration_end are left out.
-- Input: a table or view transactions(customer_id, purchased_at, amount)
-- (purchased_at a DATE or TIMESTAMP) and a one-row table
-- summary_params(calibration_end DATE, period_days DOUBLE).
--
-- Run in Spark (PySpark; Parquet here, spark.read.csv works the same), then
-- import summary.csv in the app or `npm run --silent analyze -- summary.csv`:
--   spark.read.parquet("orders/").selectExpr("CAST(customer_id AS STRING) AS customer_id",
--     "order_date AS purchased_at", "revenue AS amount").createOrReplaceTempView("transactions")
--   spark.sql("SELECT DATE'1997-09-30' AS calibration_end, CAST(7 AS DOUBLE) AS period_days") \
--     .createOrReplaceTempView("summary_params")
--   spark.sql(open("sql/spark/customer_summary.sql").read().rstrip().rstrip(";")) \
--     .coalesce(1).write.option("header", True).csv("summary")
--   spark: DATEDIFF(end, start) counts days where DuckDB writes DATE_DIFF('day', start, end).
--   spark: no other differences; ORDER BY is kept (drop it on very large outputs).
-- sql/duckdb/customer_summary.sql is the same query, line for line, in DuckDB.
WITH params AS (
  SELECT calibration_end, period_days FROM summary_params LIMIT 1
),
days AS (
  SELECT customer_id, CAST(purchased_at AS DATE) AS purchase_day, SUM(amount) AS net
  FROM transactions
  GROUP BY customer_id, CAST(purchased_at AS DATE)
),
purchases AS (
  SELECT d.customer_id, d.purchase_day, d.net,
    ROW_NUMBER() OVER (PARTITION BY d.customer_id ORDER BY d.purchase_day) AS k
  FROM days d CROSS JOIN params p
  WHERE d.net >= 0 AND d.purchase_day <= p.calibration_end
),
totals AS (
  SELECT customer_id, SUM(amount) AS revenue FROM transactions GROUP BY customer_id
)
SELECT
  c.customer_id,
  COUNT(*) - 1 AS frequency,
  DATEDIFF(MAX(c.purchase_day), MIN(c.purchase_day)) / p.period_days AS recency, -- spark: DATEDIFF(end, start)
  DATEDIFF(p.calibration_end, MIN(c.purchase_day)) / p.period_days AS T, -- spark: DATEDIFF(end, start)
  COALESCE(SUM(CASE WHEN c.k > 1 THEN c.net END) / NULLIF(COUNT(*) - 1, 0), 0) AS monetary_value,
  MIN(c.purchase_day) AS first_purchase,
  r.revenue
FROM purchases c
JOIN totals r ON r.customer_id = c.customer_id
CROSS JOIN params p
GROUP BY c.customer_id, p.period_days, p.calibration_end, r.revenue
ORDER BY c.customer_id;
