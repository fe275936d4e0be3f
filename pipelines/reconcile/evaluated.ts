/**
 * The shape every check returns: one row per evaluated item (an identity, a claim, a figure family),
 * passing or failing, so the same rows give the findings (failing ones) and the coverage report
 * (every cell any check looked at).
 */
export const EVALUATED_COLUMNS = `
  kode_wilayah VARCHAR, tahun INTEGER, tabel VARCHAR, kunci VARCHAR,
  kunci_indikator VARCHAR, keluarga VARCHAR,
  nilai_diharapkan DECIMAL(28,6), nilai_aktual DECIMAL(28,6),
  gagal BOOLEAN, keparahan VARCHAR, penjelasan VARCHAR,
  anggota STRUCT(peran VARCHAR, nilai DECIMAL(28,6), teks VARCHAR, source_file VARCHAR, source_sheet VARCHAR, source_row INTEGER, kolom VARCHAR)[],
  kandidat STRUCT(source_file VARCHAR, source_sheet VARCHAR, source_row INTEGER, kolom VARCHAR, nilai_sekarang DECIMAL(28,6), nilai_pemulih DECIMAL(28,6))[]`;

/** Column list, in order, for INSERT ... SELECT from a check's query. */
export const EVALUATED_NAMES = [
  "kode_wilayah", "tahun", "tabel", "kunci", "kunci_indikator", "keluarga",
  "nilai_diharapkan", "nilai_aktual", "gagal", "keparahan", "penjelasan", "anggota", "kandidat",
];
