use greet_macros::shout;

fn main() {
    println!("{}", greet::greeting(shout!("cranelift"), greet::ANSWER));
    let sum: u64 = (1..=10).map(|i| i * i).sum();
    println!("sum of squares 1..=10 = {sum}");
}
