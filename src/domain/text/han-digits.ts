// Chinese numerals as notices and documents write them ("二〇二三年", "十二月"): the one table every parser
// of dates and counts starts from; a parser that reads more forms (两, a Latin O for 〇) adds them to a copy.
export const HAN_DIGITS: Readonly<Record<string, number>> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
