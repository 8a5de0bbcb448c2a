include!(concat!(env!("OUT_DIR"), "/generated.rs"));

/// Formats a greeting with the number spelled by `itoa`.
pub fn greeting(name: &str, n: u64) -> String {
    let mut buf = itoa::Buffer::new();
    format!("hello, {name}: {}", buf.format(n))
}

#[cfg(test)]
mod tests {
    #[test]
    fn answer_is_generated() {
        assert_eq!(super::ANSWER, 42);
    }

    #[test]
    fn greeting_formats() {
        assert_eq!(super::greeting("x", 7), "hello, x: 7");
    }
}
