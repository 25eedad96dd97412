//! Korean particles (조사) chosen by the word before them, so generated sentences read
//! "35억 원이", "사우디아라비아는", "카자흐스탄과" rather than "이(가)", "은(는)", "와(과)".

/// Whether the word's last sound has a final consonant (받침), and whether that consonant is ㄹ.
/// Digits are read as Sino-Korean numbers (1 일, 2 이, ...); Latin letters and other
/// characters are treated as ending in a vowel except l, m, n, which end in a consonant.
/// A closing parenthetical is skipped, as Korean does: "한-GCC FTA(2023 타결)" takes the particle
/// of "FTA".
fn final_consonant(word: &str) -> (bool, bool) {
    // Bytes, not a char search: '(' and ')' are ASCII, so the cut is on a char boundary (and a
    // `str::rfind` would add a searcher to the Wasm bundle).
    let b = word.trim_end_matches([' ', '.']).as_bytes();
    let open = b.iter().rposition(|&c| c == b'(');
    let word = match (b.last(), open) {
        (Some(b')'), Some(open)) if open > 0 => word.get(..open).unwrap_or(word),
        _ => word,
    };
    let last = word.trim_end_matches([')', ']', '"', '\'', ' ', '.']).chars().last();
    match last {
        Some(c @ '가'..='힣') => {
            let jong = (u32::from(c) - 0xAC00) % 28;
            (jong != 0, jong == 8)
        }
        Some('0' | '1' | '3' | '6' | '7' | '8') => (true, matches!(last, Some('1' | '7' | '8'))),
        Some('l' | 'L') => (true, true),
        Some('m' | 'n' | 'M' | 'N') => (true, false),
        _ => (false, false),
    }
}

/// `with` after a final consonant, `without` after a vowel: josa("35억 원", "이", "가") = "이".
pub fn josa(word: &str, with: &'static str, without: &'static str) -> &'static str {
    if final_consonant(word).0 {
        with
    } else {
        without
    }
}

/// "으로" after a final consonant other than ㄹ, "로" after a vowel or ㄹ.
pub fn euro(word: &str) -> &'static str {
    match final_consonant(word) {
        (true, false) => "으로",
        _ => "로",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn particles_follow_the_last_sound() {
        assert_eq!(josa("35억 원", "이", "가"), "이");
        assert_eq!(josa("사우디아라비아", "은", "는"), "는");
        assert_eq!(josa("카자흐스탄", "과", "와"), "과");
        assert_eq!(josa("UAE", "과", "와"), "와");
        assert_eq!(josa("한-GCC FTA", "이", "가"), "가");
        assert_eq!(josa("한-GCC FTA(2023.12.28 타결, 정식서명 전)", "은", "는"), "는");
        assert_eq!(josa("소기업(중소기업)", "은", "는"), "은");
        assert_eq!(josa("(가칭)", "은", "는"), "은");
        assert_eq!(euro("소기업"), "으로");
        assert_eq!(euro("중소기업"), "으로");
        assert_eq!(euro("서울"), "로");
        assert_eq!(euro("오만"), "으로");
    }
}
