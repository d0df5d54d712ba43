/** Input bounds shared by the browser forms and the server's zod schemas. */
export const LIMITS = {
  idLength: 64,
  questionLength: 200,
  optionLabelLength: 80,
  minOptions: 2,
  maxOptions: 20,
  emailLength: 254,
  nameLength: 80,
  passwordMin: 8,
  passwordMax: 200,
  couponCodeLength: 32,
  promotionTitleLength: 80,
  discountLength: 40,
  maxCouponQuantity: 1_000_000,
  maxBallotCodes: 5_000,
  maxTableCards: 500,
  menuItemNameLength: 80,
  menuItemDescriptionLength: 500,
  /** An open poll's answer, in characters: a sentence, readable on the owner's list. */
  answerLength: 200,
} as const;
