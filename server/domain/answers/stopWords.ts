/**
 * Words too common to say anything in a cloud. English is compared lower-cased; Korean after its particles are
 * taken off (koreanParticles.ts). Kept short on purpose: a cloud about food should keep "more", "spicy", "맛있어요".
 */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  // English
  "a", "an", "the", "and", "or", "but", "if", "so", "of", "to", "in", "on", "at", "for", "with", "from", "by", "as",
  "is", "are", "was", "were", "be", "been", "am", "do", "does", "did", "have", "has", "had", "it", "its", "it's",
  "i", "i'm", "me", "my", "we", "our", "you", "your", "he", "she", "they", "them", "their", "this", "that", "these",
  "those", "there", "here", "what", "which", "who", "would", "could", "should", "will", "can", "just", "very",
  "really", "please", "some", "any", "not", "no", "too", "also", "than", "then", "maybe", "like", "want", "get",
  // Korean
  "그리고", "그냥", "그런데", "하지만", "그래서", "또는", "및", "등", "좀", "더", "정말", "진짜", "너무", "아주", "매우",
  "많이", "것", "거", "수", "저", "제", "나", "내", "우리", "저희", "그", "이", "저것", "이것", "그것", "요",
]);
