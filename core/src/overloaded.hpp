// Overloaded{lambdas...}: one visitor for std::visit out of several lambdas.
#pragma once

namespace bianmin {

template <class... Fs>
struct Overloaded : Fs... {
    using Fs::operator()...;
};
template <class... Fs>
Overloaded(Fs...) -> Overloaded<Fs...>;

}  // namespace bianmin
