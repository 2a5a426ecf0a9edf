/**
 * Words too common to help a search, dropped from the index and from queries alike.
 * One list for both languages: a query's language is unknown, so a word that is a stop word
 * in either language is dropped everywhere (lunr's English list plus common Welsh function words).
 */
const ENGLISH = `a able about across after all almost also am among an and any are as at be because been but by can
cannot could dear did do does either else ever every for from get got had has have he her hers him his how however
i if in into is it its just least let like likely may me might most must my neither no nor not of off often on only
or other our own rather said say says she should since so some than that the their them then there these they this
tis to too twas us wants was we were what when where which while who whom why will with would yet you your`;

// Articles, prepositions, conjunctions and particles, as they look once folded (ŷ -> y, 'r joined to its word).
const WELSH = `ac ag ar at y yr r ir or ar ei eu ein ein ef hi nhw fe fo mae oedd sydd bod yn ym yng gan gyda wrth
dros drwy trwy hefyd neu ond na nad nid mai fel hyn hon hwn hynny yma yno iw oi ai ao`;

export const STOP_WORDS: ReadonlySet<string> = new Set(`${ENGLISH} ${WELSH}`.split(/\s+/).filter(Boolean));
