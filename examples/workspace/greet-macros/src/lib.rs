//! `shout!("x")` expands to the upper-cased string literal, at compile time.
use proc_macro::{Literal, TokenStream, TokenTree};

#[proc_macro]
pub fn shout(input: TokenStream) -> TokenStream {
    let text = input.to_string();
    let inner = text.trim().trim_matches('"').to_uppercase();
    TokenStream::from(TokenTree::Literal(Literal::string(&inner)))
}
